package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.signal.MediaSignal;
import dev.ttrtc.bridge.signal.MediaState;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one joined room: a {@link SendLink} to each member that subscribed to this
 * participant, a {@link ReceiveLink} from each member this participant subscribed to, and what
 * arrives on them ({@link RemoteMedia}).
 *
 * <p>Negotiation travels through the room server's relay as {@link MediaSignal} records:
 * {@code subscribe {sid, audio, video, screen, restart}} from subscriber to publisher, then
 * {@code offer}/{@code answer}/{@code candidate} between the pair, and {@code bye} when a
 * participant stops. Every message carries its sender's session id ({@code sid}) and the one it
 * is meant for ({@code to}), so messages of an earlier session are ignored. The subscriber asks,
 * so invisible members (whom publishers are never told about) receive media too.
 *
 * <p>Each member has at most one link per direction, and a {@link NegotiationGate} bounds how
 * often a member can make this session create a new one (a fresh session id, a restart).
 *
 * <p>All methods run on the owning engine's thread; WebRTC's callbacks hand work over with
 * {@link #onEngineThread}.
 */
public final class MediaSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Sends a negotiation message to a member (through the room server). */
    @FunctionalInterface
    public interface Relay {
        void send(String toUserId, MediaSignal signal);
    }

    /** Whether this participant wants a member's stream (autoSubscribe and the subscribe calls). */
    @FunctionalInterface
    public interface Subscriptions {
        boolean wants(String userId, MediaKind kind);
    }

    private final String selfId;
    private final String sid = HexFormat.of().formatHex(RANDOM.generateSeed(8));
    private final LocalMedia local;
    private final Relay relay;
    private final Subscriptions subscriptions;
    private final ScheduledExecutorService engineThread;
    private final NegotiationGate gate;
    private final Supplier<Double> playbackGain;
    private final RemoteStreams.FirstFrames firstFrames;
    private final Map<String, SendLink> sendLinks = new HashMap<>();
    private final Map<String, Set<MediaKind>> wantedBy = new HashMap<>();
    private final Map<String, String> subscriberSids = new HashMap<>();
    private final Map<String, ReceiveLink> receiveLinks = new HashMap<>();
    private final Map<String, RemoteStreams> streams = new ConcurrentHashMap<>();
    private MediaState published = MediaState.NONE;
    private boolean closed;

    /** Told of each member's first sound and first pictures, on the engine thread. */
    public interface FirstFrameListener {
        void firstAudio(String userId);

        void firstVideo(String userId, MediaKind kind, int width, int height);
    }

    public MediaSession(String selfId, LocalMedia local, Relay relay, Subscriptions subscriptions, ScheduledExecutorService engineThread,
            Supplier<Double> playbackGain, FirstFrameListener firstFrameListener) {
        this.selfId = selfId;
        this.local = local;
        this.relay = relay;
        this.subscriptions = subscriptions;
        this.engineThread = engineThread;
        this.playbackGain = playbackGain;
        this.gate = new NegotiationGate(local.peerConnections(), engineThread);
        this.firstFrames = new RemoteStreams.FirstFrames() {
            @Override
            public void audio(String userId) {
                onEngineThread(() -> firstFrameListener.firstAudio(userId));
            }

            @Override
            public void video(String userId, MediaKind kind, int width, int height) {
                onEngineThread(() -> firstFrameListener.firstVideo(userId, kind, width, height));
            }
        };
    }

    String selfId() {
        return selfId;
    }

    PeerConnectionBudget peerConnections() {
        return local.peerConnections();
    }

    String sid() {
        return sid;
    }

    void relay(String to, MediaSignal signal) {
        if (!closed) {
            relay.send(to, signal);
        }
    }

    void onEngineThread(Runnable task) {
        try {
            engineThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("media task of {} failed", selfId, e);
                }
            });
        } catch (RejectedExecutionException closing) {
            // The engine is closing; its connections are being closed too.
        }
    }

    /** A visible member is here: ask for its streams. */
    public void remoteAppeared(String userId) {
        streams.computeIfAbsent(userId, id -> new RemoteStreams(id, playbackGain, firstFrames));
        subscribe(userId, false);
    }

    /** A member left: drop both directions. */
    public void remoteLeft(String userId) {
        closeLinks(userId);
        streams.remove(userId);
        wantedBy.remove(userId);
        subscriberSids.remove(userId);
        gate.forget(userId);
    }

    /** The subscription to a member changed. */
    public void subscriptionsChanged(String userId) {
        if (streams.containsKey(userId)) {
            subscribe(userId, false);
        }
    }

    /** This participant's publish flags changed. */
    public void localPublished(MediaState state) {
        published = state;
        local.setScreenOn(state.screenPublished());
        for (String subscriber : List.copyOf(wantedBy.keySet())) {
            serve(subscriber);
        }
    }

    /**
     * Serves the members that subscribed to this participant in {@code previous}, the session this
     * one replaces after a silent (resumed) rejoin: the room never told them this participant went
     * away, so they will not ask again; this session offers to them instead, to the same sessions.
     */
    public void takeOverSubscribers(MediaSession previous) {
        previous.wantedBy.forEach((userId, kinds) -> {
            Set<MediaKind> copy = EnumSet.noneOf(MediaKind.class);
            copy.addAll(kinds);
            wantedBy.put(userId, copy);
        });
        subscriberSids.putAll(previous.subscriberSids);
        localPublished(published);
    }

    public Optional<RemoteMedia> remote(String userId) {
        return Optional.ofNullable(streams.get(userId));
    }

    private void subscribe(String userId, boolean restart) {
        relay(userId, new MediaSignal.Subscribe(sid, subscriptions.wants(userId, MediaKind.AUDIO),
                subscriptions.wants(userId, MediaKind.VIDEO), subscriptions.wants(userId, MediaKind.SCREEN), restart));
    }

    private Set<MediaKind> sendable(String subscriber) {
        Set<MediaKind> wanted = wantedBy.getOrDefault(subscriber, EnumSet.noneOf(MediaKind.class));
        Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
        if (published.audioPublished() && wanted.contains(MediaKind.AUDIO)) {
            kinds.add(MediaKind.AUDIO);
        }
        if (published.videoPublished() && wanted.contains(MediaKind.VIDEO)) {
            kinds.add(MediaKind.VIDEO);
        }
        if (published.screenPublished() && wanted.contains(MediaKind.SCREEN)) {
            kinds.add(MediaKind.SCREEN);
        }
        return kinds;
    }

    private void update(SendLink link) {
        try {
            link.setKinds(sendable(link.subscriberId));
        } catch (WebRtc.MediaFailure e) {
            LOG.warn("{} -> {}: {}", selfId, link.subscriberId, e.getMessage());
            dropSendLink(link);
        }
    }

    /** A negotiation message from another member. */
    public void onRelay(String from, MediaSignal signal) {
        if (closed) {
            return;
        }
        try {
            if (signal instanceof MediaSignal.Subscribe subscribe) {
                onSubscribe(from, subscribe);
            } else if (signal instanceof MediaSignal.Offer offer) {
                ReceiveLink link = sid.equals(offer.to()) ? receiveLinkFor(from, offer.sid()) : null;
                if (link != null) {
                    link.onOffer(offer.sdp());
                }
            } else if (signal instanceof MediaSignal.Answer answer) {
                SendLink link = sendLinks.get(from);
                if (sid.equals(answer.to()) && link != null && link.subscriberSid.equals(answer.sid())) {
                    link.onAnswer(answer.sdp());
                }
            } else if (signal instanceof MediaSignal.Candidate candidate) {
                onCandidate(from, candidate);
            } else if (signal instanceof MediaSignal.Bye) {
                closeLinks(from);
                wantedBy.remove(from);
                subscriberSids.remove(from);
            }
        } catch (WebRtc.MediaFailure e) {
            LOG.warn("{}: media with {} failed: {}", selfId, from, e.getMessage());
            closeLinks(from);
        }
    }

    private void onSubscribe(String from, MediaSignal.Subscribe subscribe) {
        Set<MediaKind> wanted = EnumSet.noneOf(MediaKind.class);
        if (subscribe.audio()) {
            wanted.add(MediaKind.AUDIO);
        }
        if (subscribe.video()) {
            wanted.add(MediaKind.VIDEO);
        }
        if (subscribe.screen()) {
            wanted.add(MediaKind.SCREEN);
        }
        wantedBy.put(from, wanted);
        subscriberSids.put(from, subscribe.sid());
        SendLink link = sendLinks.get(from);
        if (link != null && (!link.subscriberSid.equals(subscribe.sid()) || subscribe.restart())) {
            // That session is gone (or asks for a fresh start): closing costs nothing, creating is gated.
            dropSendLink(link);
        }
        serve(from);
    }

    /** Sends a subscriber what it wants and is published: through its link, or a new one when the gate allows. */
    private void serve(String subscriber) {
        SendLink link = sendLinks.get(subscriber);
        if (link != null) {
            update(link);
        } else if (!sendable(subscriber).isEmpty()
                && gate.mayCreate(subscriber, NegotiationGate.Direction.SEND, () -> serve(subscriber))) {
            openSendLink(subscriber);
        }
    }

    /**
     * Connects to a subscriber once something it wants is published: a room where few publish
     * keeps few connections (a full mesh needs one pair per publisher and subscriber).
     */
    private void openSendLink(String subscriber) {
        Set<MediaKind> kinds = sendable(subscriber);
        if (kinds.isEmpty()) {
            return;
        }
        SendLink link = new SendLink(subscriber, subscriberSids.get(subscriber), this, local);
        sendLinks.put(subscriber, link);
        try {
            link.open(kinds);
        } catch (WebRtc.MediaFailure e) {
            LOG.warn("{} -> {}: {}", selfId, subscriber, e.getMessage());
            dropSendLink(link);
        }
    }

    /**
     * The link an offer belongs to: the publisher's current one, or a new one when the gate allows
     * (else null: the offer is dropped, and the publisher is asked for a fresh one later).
     */
    private ReceiveLink receiveLinkFor(String publisher, String publisherSid) {
        ReceiveLink link = receiveLinks.get(publisher);
        if (link != null && !link.publisherSid.equals(publisherSid)) {
            receiveLinks.remove(publisher);
            link.close();
            link = null;
        }
        if (link == null) {
            if (!gate.mayCreate(publisher, NegotiationGate.Direction.RECEIVE, () -> subscribe(publisher, true))) {
                return null;
            }
            RemoteStreams remote = streams.computeIfAbsent(publisher, id -> new RemoteStreams(id, playbackGain, firstFrames));
            link = new ReceiveLink(publisher, publisherSid, this, remote, local.loopbackIce());
            receiveLinks.put(publisher, link);
        }
        return link;
    }

    private void onCandidate(String from, MediaSignal.Candidate message) {
        if (!sid.equals(message.to())) {
            return;
        }
        RTCIceCandidate candidate = new RTCIceCandidate(message.mid(), message.index(), message.candidate());
        if (local.loopbackIce() && !WebRtc.isLoopbackUdp(candidate)) {
            // A browser also offers its other interfaces; in loopback mode media stays on 127.0.0.1.
            return;
        }
        if (MediaSignal.Candidate.PUBLISHER.equals(message.leg())) {
            ReceiveLink link = receiveLinks.get(from);
            if (link != null && link.publisherSid.equals(message.sid())) {
                link.onCandidate(candidate);
            }
        } else {
            SendLink link = sendLinks.get(from);
            if (link != null && link.subscriberSid.equals(message.sid())) {
                link.onCandidate(candidate);
            }
        }
    }

    /**
     * Sends a local candidate of one link ({@code leg}: the side it belongs to) to {@code to}, from
     * WebRTC's signaling thread: the relay happens on the engine thread, if the link is still open then.
     */
    void signalCandidate(String to, String toSid, String leg, RTCIceCandidate candidate, boolean loopback, BooleanSupplier open) {
        RTCIceCandidate signalled = loopback ? WebRtc.toLoopback(candidate) : candidate;
        onEngineThread(() -> {
            if (open.getAsBoolean()) {
                relay(to, new MediaSignal.Candidate(sid, toSid, leg, signalled.sdpMid, signalled.sdpMLineIndex, signalled.sdp));
            }
        });
    }

    /** The publisher's connection failed: it is closed; the subscriber will ask again. */
    void sendLinkFailed(SendLink link) {
        if (sendLinks.get(link.subscriberId) == link) {
            LOG.info("{}: send connection to {} failed", selfId, link.subscriberId);
            dropSendLink(link);
        }
    }

    /** This participant's receive connection failed: ask the publisher for a fresh one. */
    void receiveLinkFailed(ReceiveLink link) {
        if (receiveLinks.get(link.publisherId) == link) {
            LOG.info("{}: receive connection from {} failed; asking again", selfId, link.publisherId);
            receiveLinks.remove(link.publisherId);
            link.close();
            subscribe(link.publisherId, true);
        }
    }

    private void dropSendLink(SendLink link) {
        sendLinks.remove(link.subscriberId, link);
        link.close();
    }

    private void closeLinks(String userId) {
        SendLink send = sendLinks.remove(userId);
        if (send != null) {
            send.close();
        }
        ReceiveLink receive = receiveLinks.remove(userId);
        if (receive != null) {
            receive.close();
        }
    }

    /** Tells every linked member this session ends, then closes every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        MediaSignal bye = new MediaSignal.Bye(sid);
        java.util.Set<String> linked = new java.util.HashSet<>(sendLinks.keySet());
        linked.addAll(receiveLinks.keySet());
        for (String userId : linked) {
            relay.send(userId, bye);
        }
        closed = true;
        gate.close();
        for (String userId : linked) {
            closeLinks(userId);
        }
        streams.clear();
    }
}
