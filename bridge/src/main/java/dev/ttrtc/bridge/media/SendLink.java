package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.signal.MediaSignal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This participant publishing to one subscriber: a send-only connection with three transceivers
 * (audio mid 0, camera mid 1, screen mid 2). The publisher always makes the offer, so two
 * participants never offer to each other at once. What flows is "published and wanted": each
 * change renegotiates the transceivers' directions (send-only or inactive), which lets audio
 * resume within tens of milliseconds, where a replaced track would leave the receiver's jitter
 * buffer a second deep. Engine thread only, except the observer, which hands work over.
 */
final class SendLink {
    static final String AUDIO_MID = "0";
    static final String CAMERA_MID = "1";
    static final String SCREEN_MID = "2";
    private static final Logger LOG = LoggerFactory.getLogger(SendLink.class);

    final String subscriberId;
    final String subscriberSid;
    private final MediaSession session;
    private final LocalMedia local;
    private final PendingCandidates candidates = new PendingCandidates();
    private RTCPeerConnection pc;
    private RTCRtpTransceiver audio;
    private RTCRtpTransceiver camera;
    private RTCRtpTransceiver screen;
    private Set<MediaKind> target = EnumSet.noneOf(MediaKind.class);
    private Set<MediaKind> offered = EnumSet.noneOf(MediaKind.class);
    private boolean awaitingAnswer;
    private volatile boolean closed;

    SendLink(String subscriberId, String subscriberSid, MediaSession session, LocalMedia local) {
        this.subscriberId = subscriberId;
        this.subscriberSid = subscriberSid;
        this.session = session;
        this.local = local;
    }

    /** Creates the connection and offers what should flow now. */
    void open(Set<MediaKind> kinds) throws WebRtc.MediaFailure {
        pc = MediaFactories.get().send.createPeerConnection(WebRtc.configuration(local.loopbackIce()), new Observer());
        NativeCensus.created("peer-connection");
        session.peerConnections().created();
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.INACTIVE;
        init.streamIds = List.of(session.selfId());
        synchronized (local.audioLock()) {
            audio = pc.addTransceiver(local.audioTrack(), init);
        }
        camera = pc.addTransceiver(local.cameraTrack(), init);
        screen = pc.addTransceiver(local.screenTrack(), init);
        setKinds(kinds);
        if (!awaitingAnswer) {
            negotiate();
        }
    }

    /** What should flow now; a change is negotiated (after the answer to an offer in flight). */
    void setKinds(Set<MediaKind> kinds) throws WebRtc.MediaFailure {
        target = kinds.isEmpty() ? EnumSet.noneOf(MediaKind.class) : EnumSet.copyOf(kinds);
        if (!awaitingAnswer && !target.equals(offered)) {
            negotiate();
        }
    }

    private void negotiate() throws WebRtc.MediaFailure {
        Set<MediaKind> kinds = EnumSet.copyOf(target.isEmpty() ? EnumSet.noneOf(MediaKind.class) : target);
        RTCSessionDescription offer;
        // The audio sender starts or stops its send stream inside these calls.
        synchronized (local.audioLock()) {
            audio.setDirection(direction(kinds, MediaKind.AUDIO));
            camera.setDirection(direction(kinds, MediaKind.VIDEO));
            screen.setDirection(direction(kinds, MediaKind.SCREEN));
            offer = WebRtc.createOffer(pc);
            WebRtc.setLocal(pc, offer);
        }
        offered = kinds;
        awaitingAnswer = true;
        session.relay(subscriberId, new MediaSignal.Offer(session.sid(), subscriberSid, offer.sdp));
    }

    private static RTCRtpTransceiverDirection direction(Set<MediaKind> kinds, MediaKind kind) {
        return kinds.contains(kind) ? RTCRtpTransceiverDirection.SEND_ONLY : RTCRtpTransceiverDirection.INACTIVE;
    }

    void onAnswer(String sdp) throws WebRtc.MediaFailure {
        if (!awaitingAnswer || closed) {
            return;
        }
        synchronized (local.audioLock()) {
            WebRtc.setRemote(pc, new RTCSessionDescription(RTCSdpType.ANSWER, sdp));
        }
        awaitingAnswer = false;
        candidates.remoteDescriptionSet(pc);
        if (!target.equals(offered)) {
            negotiate();
        }
    }

    /** A candidate of the subscriber's receive connection; held until the answer is set. */
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
        if (pc == null) {
            return;
        }
        // Senders hold the shared local tracks; a closed connection is never freed in 0.14.0, so
        // detach them or the tracks could not be disposed later.
        synchronized (local.audioLock()) {
            for (RTCRtpSender sender : pc.getSenders()) {
                sender.replaceTrack(null);
            }
            pc.close();
        }
        NativeCensus.released("peer-connection");
        session.peerConnections().closed();
    }

    /** Runs on WebRTC's signaling thread: hand over, never block, never throw. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            try {
                if (closed) {
                    return;
                }
                session.signalCandidate(subscriberId, subscriberSid, MediaSignal.Candidate.PUBLISHER, candidate, local.loopbackIce(), () -> !closed);
            } catch (Throwable t) {
                LOG.warn("send link to {}: candidate", subscriberId, t);
            }
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            try {
                if (!closed && state == RTCPeerConnectionState.FAILED) {
                    session.onEngineThread(() -> session.sendLinkFailed(SendLink.this));
                }
            } catch (Throwable t) {
                LOG.warn("send link to {}: state", subscriberId, t);
            }
        }
    }
}
