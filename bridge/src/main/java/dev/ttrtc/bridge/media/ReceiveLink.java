package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.signal.MediaSignal;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This participant subscribed to one publisher: a receive-only connection in the receive factory
 * that answers the publisher's offers and feeds the publisher's {@link RemoteStreams}. Engine
 * thread only, except the observer.
 */
final class ReceiveLink {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLink.class);

    final String publisherId;
    final String publisherSid;
    private final MediaSession session;
    private final RemoteStreams streams;
    private final boolean loopback;
    private final PendingCandidates candidates = new PendingCandidates();
    /** Sinks attached to remote tracks, by mid; onTrack fires again after renegotiation. */
    private final java.util.Map<String, Runnable> detachers = new ConcurrentHashMap<>();
    private RTCPeerConnection pc;
    private volatile boolean closed;

    ReceiveLink(String publisherId, String publisherSid, MediaSession session, RemoteStreams streams, boolean loopback) {
        this.publisherId = publisherId;
        this.publisherSid = publisherSid;
        this.session = session;
        this.streams = streams;
        this.loopback = loopback;
    }

    void onOffer(String sdp) throws WebRtc.MediaFailure {
        if (closed) {
            return;
        }
        if (pc == null) {
            pc = MediaFactories.get().receive.createPeerConnection(WebRtc.configuration(loopback), new Observer());
            NativeCensus.created("peer-connection");
            session.peerConnections().created();
            RTCPeerConnection connection = pc;
            streams.setStatsSource(() -> stats(connection));
        }
        WebRtc.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, sdp));
        candidates.remoteDescriptionSet(pc);
        RTCSessionDescription answer = WebRtc.createAnswer(pc);
        WebRtc.setLocal(pc, answer);
        streams.setReceiving(receiving());
        session.relay(publisherId, new MediaSignal.Answer(session.sid(), publisherSid, answer.sdp));
    }

    private Set<MediaKind> receiving() {
        Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
        for (RTCRtpTransceiver t : pc.getTransceivers()) {
            if (t.getCurrentDirection() == RTCRtpTransceiverDirection.RECV_ONLY) {
                kinds.add(kindOf(t.getMid()));
            }
        }
        return kinds;
    }

    private static MediaKind kindOf(String mid) {
        return switch (mid) {
            case SendLink.AUDIO_MID -> MediaKind.AUDIO;
            case SendLink.SCREEN_MID -> MediaKind.SCREEN;
            default -> MediaKind.VIDEO;
        };
    }

    private static CompletableFuture<RTCStatsReport> stats(RTCPeerConnection connection) {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        try {
            connection.getStats(report::complete);
        } catch (RuntimeException e) {
            report.completeExceptionally(e);
        }
        return report;
    }

    /** A candidate of the publisher's send connection; held until the offer is set. */
    void onCandidate(RTCIceCandidate candidate) {
        if (closed) {
            return;
        }
        candidates.add(pc, candidate);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        detachers.values().forEach(Runnable::run);
        detachers.clear();
        streams.setReceiving(EnumSet.noneOf(MediaKind.class));
        streams.setStatsSource(null);
        if (pc != null) {
            pc.close();
            NativeCensus.released("peer-connection");
            session.peerConnections().closed();
        }
    }

    /** Runs on WebRTC's signaling thread: hand over, never block, never throw. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            try {
                if (closed) {
                    return;
                }
                session.signalCandidate(publisherId, publisherSid, MediaSignal.Candidate.SUBSCRIBER, candidate, loopback, () -> !closed);
            } catch (Throwable t) {
                LOG.warn("receive link from {}: candidate", publisherId, t);
            }
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            try {
                String mid = transceiver.getMid();
                if (closed || mid == null || detachers.containsKey(mid)) {
                    return;
                }
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                if (track instanceof AudioTrack audio) {
                    audio.addSink(streams.audioSink);
                    detachers.put(mid, () -> audio.removeSink(streams.audioSink));
                } else if (track instanceof VideoTrack video) {
                    var sink = streams.videoSink(kindOf(mid));
                    video.addSink(sink);
                    detachers.put(mid, () -> video.removeSink(sink));
                }
            } catch (Throwable t) {
                LOG.warn("receive link from {}: track", publisherId, t);
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            try {
                if (!closed && state == RTCPeerConnectionState.CONNECTED) {
                    streams.connected();
                }
                if (!closed && state == RTCPeerConnectionState.FAILED) {
                    session.onEngineThread(() -> session.receiveLinkFailed(ReceiveLink.this));
                }
            } catch (Throwable t) {
                LOG.warn("receive link from {}: state", publisherId, t);
            }
        }
    }
}
