package dev.ttrtc.bridge.engine.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.ConnectionState;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.media.LocalMedia;
import dev.ttrtc.bridge.media.MediaSession;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.LeaveReason;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room of an engine: its connection to the room server, what this participant publishes,
 * the member list, and reconnecting. Fields marked "engine thread" are touched only there; public
 * methods hop onto that thread and return futures.
 */
final class RoomSession implements RtcRoom, SignalConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);

    private enum Phase { IDLE, JOINING, JOINED, RECONNECTING, DESTROYED }

    /** A connection that answered a join. */
    private record Attempt(SignalConnection connection, ServerMessage.Joined joined) {
    }

    private final RealRtcEngine engine;
    private final String roomId;
    private final ScheduledExecutorService thread;
    private final Map<String, Boolean> subscriptionOverrides = new ConcurrentHashMap<>();
    private volatile RoomEventHandler handler = new RoomEventHandler() { };
    private volatile Phase phase = Phase.IDLE;
    private volatile String userId;
    private volatile List<RoomMember> members = List.of();
    private volatile RoomConfig config = RoomConfig.DEFAULT;
    // Engine thread.
    private SignalConnection connection;
    // Engine thread.
    private String token;
    // Engine thread.
    private String sessionId;
    // Engine thread.
    private boolean visible = true;
    // Engine thread: the publish flags of this participant (capture flags come from the engine).
    private MediaState published = MediaState.NONE;
    // Engine thread.
    private boolean localSpeaking;
    // Engine thread.
    private final MemberView view = new MemberView();
    // Engine thread: serializes state updates so each is computed from the last accepted one.
    private CompletableFuture<Void> updates = CompletableFuture.completedFuture(null);
    /** The room's media; null while not joined and in signalling-only mode. Written on the engine thread. */
    private volatile MediaSession media;
    // Engine thread.
    private long reconnectStartedNanos;
    // Engine thread.
    private ScheduledFuture<?> reconnectTimer;
    // Engine thread: messages from a connection whose join answer is not handled yet, in order.
    private SignalConnection earlyFrom;
    // Engine thread.
    private final List<ServerMessage> early = new ArrayList<>();

    RoomSession(RealRtcEngine engine, String roomId) {
        this.engine = engine;
        this.roomId = roomId;
        this.thread = engine.thread();
    }

    @Override
    public String roomId() {
        return roomId;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public void setRoomEventHandler(RoomEventHandler eventHandler) {
        this.handler = eventHandler;
    }

    @Override
    public boolean isJoined() {
        Phase p = phase;
        return p == Phase.JOINED || p == Phase.RECONNECTING;
    }

    @Override
    public List<RoomMember> members() {
        return members;
    }

    /** Runs {@code action} on the engine thread and returns the future it makes. */
    private <T> CompletableFuture<T> onThread(Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(action, thread).thenCompose(f -> f);
    }

    private static <T> CompletableFuture<T> failed(RtcError error, Object... args) {
        return CompletableFuture.failedFuture(RtcException.of(error, args));
    }

    private MediaState localState() {
        return new MediaState(engine.isCapturing(MediaKind.AUDIO), engine.isCapturing(MediaKind.VIDEO),
                published.audioPublished(), published.videoPublished(), published.screenPublished());
    }

    private boolean effectiveSpeaking() {
        return localSpeaking && visible && published.audioPublished() && engine.isCapturing(MediaKind.AUDIO);
    }

    private void refreshSnapshot() {
        members = view.snapshot(userId, localState(), effectiveSpeaking());
    }

    // ---- join -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> join(String joinToken, String joinUserId, RoomConfig joinConfig) {
        return onThread(() -> {
            if (phase == Phase.DESTROYED) {
                return failed(RtcError.ENGINE_DESTROYED);
            }
            if (phase != Phase.IDLE) {
                return failed(RtcError.ALREADY_IN_ROOM, userId, roomId);
            }
            if (!Ids.isValid(roomId) || !Ids.isValid(joinUserId)) {
                return failed(RtcError.INVALID_IDS);
            }
            if (engine.config().server() == null) {
                return failed(RtcError.NO_SERVER);
            }
            token = joinToken;
            userId = joinUserId;
            config = joinConfig;
            visible = joinConfig.visible();
            published = MediaState.NONE;
            localSpeaking = engine.localSpeaking();
            phase = Phase.JOINING;
            return connectAndJoin(null).thenComposeAsync(attempt -> {
                if (phase != Phase.JOINING) {
                    attempt.connection().close();
                    return failed(RtcError.LEFT_WHILE_JOINING);
                }
                joined(attempt, false);
                MediaState auto = autoPublishTargets();
                return auto.publishesAnything() ? applyAutoPublish(s -> auto) : CompletableFuture.<Void>completedFuture(null);
            }, thread).whenCompleteAsync((v, error) -> {
                if (error != null && phase == Phase.JOINING) {
                    phase = Phase.IDLE;
                    earlyFrom = null;
                    early.clear();
                }
            }, thread);
        });
    }

    /** Opens a connection and sends a join (resuming {@code resume} when not null). */
    private CompletableFuture<Attempt> connectAndJoin(String resume) {
        MediaState state = new MediaState(engine.isCapturing(MediaKind.AUDIO), engine.isCapturing(MediaKind.VIDEO),
                false, false, false);
        String appId = engine.config().appId();
        String joinToken = token;
        String joinUser = userId;
        boolean joinVisible = visible;
        return SignalConnection.open(engine.config().server(), this, engine.config().connectTimeout())
                .thenCompose(conn -> conn.request(id -> new ClientMessage.Join(id, appId, roomId, joinUser, joinToken,
                                joinVisible, state, resume))
                        .handle((answer, error) -> {
                            if (error != null) {
                                conn.close();
                                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
                            }
                            return new Attempt(conn, (ServerMessage.Joined) answer);
                        }));
    }

    /** The server accepted a join or rejoin: take its member list, start media afresh, go live. */
    private void joined(Attempt attempt, boolean rejoin) {
        connection = attempt.connection();
        sessionId = attempt.joined().sessionId();
        phase = Phase.JOINED;
        MediaSession previous = media;
        closeMedia();
        List<String> known = view.remoteUserIds();
        startMedia();
        view.reset(attempt.joined().members(), userId, memberEvents());
        view.setLocalVisible(userId, visible);
        refreshSnapshot();
        MediaSession current = media;
        if (current != null) {
            if (previous != null && attempt.joined().resumed()) {
                // Nobody saw this participant leave, so nobody subscribes again by themselves.
                current.takeOverSubscribers(previous);
            }
            view.remoteUserIds().stream().filter(known::contains).forEach(current::remoteAppeared);
        }
        handler.onRoomStateChanged(roomId, userId, 0, rejoin ? 1 : 0);
        if (rejoin) {
            handler.onConnectionStateChanged(ConnectionState.RECONNECTED);
        }
        List<ServerMessage> overtaken = earlyFrom == connection ? List.copyOf(early) : List.of();
        earlyFrom = null;
        early.clear();
        for (ServerMessage message : overtaken) {
            if (phase == Phase.JOINED) {
                handleSafely(message);
            }
        }
    }

    /** With autoPublish, what is captured is published. */
    private MediaState autoPublishTargets() {
        if (!config.autoPublish() || !visible) {
            return published;
        }
        return published.withAudioPublished(engine.isCapturing(MediaKind.AUDIO))
                .withVideoPublished(engine.isCapturing(MediaKind.VIDEO));
    }

    /** Publishes what autoPublish asks for; a refusal is reported to the handler, not thrown. */
    private CompletableFuture<Void> applyAutoPublish(UnaryOperator<MediaState> change) {
        return requestState(change).exceptionallyCompose(error -> {
            RtcException refused = RtcException.from(error);
            handler.onRoomError(refused.error(), refused.detail());
            return requestState(UnaryOperator.identity());
        }).exceptionally(error -> null);
    }

    // ---- local state ----------------------------------------------------------------------------

    /**
     * Sends this participant's state after applying {@code change} to its publish flags, once the
     * previous update is answered. Completes when the server accepts it.
     */
    private CompletableFuture<Void> requestState(UnaryOperator<MediaState> change) {
        CompletableFuture<Void> result = updates.handle((v, e) -> null).thenComposeAsync(v -> {
            if (phase == Phase.RECONNECTING) {
                setPublished(change.apply(published));
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (phase != Phase.JOINED) {
                return failed(RtcError.NOT_IN_A_ROOM);
            }
            MediaState target = change.apply(published);
            MediaState wire = new MediaState(engine.isCapturing(MediaKind.AUDIO), engine.isCapturing(MediaKind.VIDEO),
                    target.audioPublished(), target.videoPublished(), target.screenPublished());
            SignalConnection conn = connection;
            return conn.request(id -> new ClientMessage.Update(id, wire)).thenAcceptAsync(ack -> {
                if (connection == conn) {
                    setPublished(target);
                }
            }, thread);
        }, thread);
        updates = result;
        return result;
    }

    /** Takes new publish flags; the snapshot is refreshed before the handler hears of them. */
    private void setPublished(MediaState target) {
        MediaState before = published;
        boolean wasSpeaking = effectiveSpeaking();
        published = target;
        refreshSnapshot();
        if (media != null) {
            media.localPublished(target);
        }
        if (!before.audioPublished() && target.audioPublished() && localSpeaking && phase == Phase.JOINED) {
            // The server counts speaking only while audio is published: tell it now.
            connection.send(new ClientMessage.Speaking(true));
        }
        announceLocal(MediaKind.AUDIO, before.audioPublished(), target.audioPublished());
        announceLocal(MediaKind.VIDEO, before.videoPublished(), target.videoPublished());
        announceLocal(MediaKind.SCREEN, before.screenPublished(), target.screenPublished());
        if (wasSpeaking != effectiveSpeaking()) {
            handler.onUserSpeakingChanged(userId, effectiveSpeaking());
        }
    }

    private void announceLocal(MediaKind kind, boolean was, boolean is) {
        if (was != is) {
            handler.onLocalPublishChanged(kind, is);
        }
    }

    private static boolean flag(MediaState state, MediaKind kind) {
        return switch (kind) {
            case AUDIO -> state.audioPublished();
            case VIDEO -> state.videoPublished();
            case SCREEN -> state.screenPublished();
        };
    }

    private static MediaState withFlag(MediaState state, MediaKind kind, boolean on) {
        return switch (kind) {
            case AUDIO -> state.withAudioPublished(on);
            case VIDEO -> state.withVideoPublished(on);
            case SCREEN -> state.withScreenPublished(on);
        };
    }

    @Override
    public CompletableFuture<Void> publishStream(MediaKind kind) {
        return onThread(() -> requestState(s -> withFlag(s, kind, true)));
    }

    @Override
    public CompletableFuture<Void> unpublishStream(MediaKind kind) {
        return onThread(() -> requestState(s -> withFlag(s, kind, false)));
    }

    /** The engine's capture changed (engine thread). */
    void captureChanged(MediaKind kind, boolean on) {
        if (!isJoined()) {
            return;
        }
        refreshSnapshot();
        handler.onUserCaptureChanged(userId, kind, on);
        if (config.autoPublish() && visible) {
            applyAutoPublish(s -> withFlag(s, kind, on));
        } else {
            requestState(UnaryOperator.identity()).exceptionally(e -> null);
        }
    }

    /** The speech detector's verdict on this participant's captured audio (engine thread). */
    void setLocalSpeaking(boolean speaking) {
        if (localSpeaking == speaking) {
            return;
        }
        boolean before = effectiveSpeaking();
        localSpeaking = speaking;
        if (phase == Phase.JOINED && published.audioPublished()) {
            connection.send(new ClientMessage.Speaking(speaking));
        }
        if (isJoined() && before != effectiveSpeaking()) {
            refreshSnapshot();
            handler.onUserSpeakingChanged(userId, effectiveSpeaking());
        }
    }

    // ---- subscriptions, visibility, token ---------------------------------------------------------

    @Override
    public CompletableFuture<Void> subscribeStream(String remoteUserId, MediaKind kind) {
        return setSubscription(remoteUserId, kind, true);
    }

    @Override
    public CompletableFuture<Void> unsubscribeStream(String remoteUserId, MediaKind kind) {
        return setSubscription(remoteUserId, kind, false);
    }

    private CompletableFuture<Void> setSubscription(String remoteUserId, MediaKind kind, boolean on) {
        return onThread(() -> {
            if (!isJoined()) {
                return failed(RtcError.NOT_IN_A_ROOM);
            }
            if (!view.contains(remoteUserId)) {
                return failed(kind == MediaKind.SCREEN ? RtcError.SCREEN_NOT_A_MEMBER : RtcError.NOT_A_MEMBER, remoteUserId);
            }
            subscriptionOverrides.put(remoteUserId + "/" + kind, on);
            if (media != null) {
                media.subscriptionsChanged(remoteUserId);
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public boolean isSubscribed(String remoteUserId, MediaKind kind) {
        return subscriptionOverrides.getOrDefault(remoteUserId + "/" + kind, config.autoSubscribe());
    }

    @Override
    public CompletableFuture<Void> setUserVisibility(boolean show) {
        return onThread(() -> {
            if (!isJoined()) {
                return failed(RtcError.NOT_IN_A_ROOM);
            }
            if (phase == Phase.RECONNECTING) {
                applyVisibility(show);
                return CompletableFuture.completedFuture(null);
            }
            SignalConnection conn = connection;
            return conn.request(id -> new ClientMessage.Visibility(id, show))
                    .thenAcceptAsync(ack -> applyVisibility(show), thread);
        });
    }

    private void applyVisibility(boolean show) {
        visible = show;
        view.setLocalVisible(userId, show);
        refreshSnapshot();
        if (!show) {
            setPublished(published.unpublished());
        }
        handler.onLocalVisibilityChanged(show);
    }

    @Override
    public CompletableFuture<Void> updateToken(String newToken) {
        return onThread(() -> {
            if (!isJoined()) {
                return failed(RtcError.NOT_IN_A_ROOM);
            }
            if (phase == Phase.RECONNECTING) {
                token = newToken;
                return CompletableFuture.completedFuture(null);
            }
            return connection.request(id -> new ClientMessage.UpdateToken(id, newToken))
                    .thenAcceptAsync(ack -> token = newToken, thread);
        });
    }

    // ---- server messages (from the connection's thread) ---------------------------------------------

    @Override
    public void onMessage(SignalConnection from, ServerMessage message) {
        thread.execute(() -> {
            if (from == connection && phase == Phase.JOINED) {
                handleSafely(message);
            } else if (phase == Phase.JOINING || phase == Phase.RECONNECTING) {
                // The join answer completes on the connection's thread, and the step that takes it
                // onto this thread can be queued after messages that followed the answer (a member
                // joining, its subscribe): keep them for joined() instead of losing them.
                if (earlyFrom != from) {
                    earlyFrom = from;
                    early.clear();
                }
                early.add(message);
            }
        });
    }

    @Override
    public void onLost(SignalConnection from, String reason) {
        thread.execute(() -> {
            if (from == connection && phase == Phase.JOINED) {
                LOG.info("{} lost room {}: {}", userId, roomId, reason);
                startReconnect();
            }
        });
    }

    private void handleSafely(ServerMessage message) {
        try {
            handle(message);
        } catch (RuntimeException e) {
            // The executor would swallow it: say what failed, and keep the room going.
            LOG.warn("{} in room {}: handling {} failed", userId, roomId, MessageCodec.typeName(message), e);
        }
    }

    private void handle(ServerMessage message) {
        if (message instanceof ServerMessage.MemberJoined m) {
            if (!m.member().userId().equals(userId)) {
                view.joined(m.member(), memberEvents());
            }
        } else if (message instanceof ServerMessage.MemberUpdated m) {
            if (!m.member().userId().equals(userId)) {
                view.updated(m.member(), memberEvents());
            }
        } else if (message instanceof ServerMessage.MemberLeft m) {
            view.left(m.userId(), LeaveReason.ofWireName(m.reason()), memberEvents());
            subscriptionOverrides.keySet().removeIf(key -> key.startsWith(m.userId() + "/"));
        } else if (message instanceof ServerMessage.Relayed relayed) {
            if (media != null) {
                media.onRelay(relayed.from(), relayed.data());
            }
        } else if (message instanceof ServerMessage.TokenWillExpire) {
            handler.onTokenWillExpire();
        } else if (message instanceof ServerMessage.Kicked kicked) {
            RtcError reason = RtcError.ofCode(kicked.code());
            interrupt(reason == null ? RtcError.CONNECTION_LOST : reason, kicked.message());
        } else if (message instanceof ServerMessage.Shutdown) {
            SignalConnection conn = connection;
            startReconnect();
            conn.close();
        } else if (message instanceof ServerMessage.Error error) {
            LOG.debug("{} in room {}: server error {}", userId, roomId, error);
        }
    }

    /** Handler events for member changes, with the snapshot refreshed before each reaches the handler. */
    private RoomEventHandler memberEvents() {
        RoomEventHandler target = handler;
        return new RoomEventHandler() {
            @Override
            public void onUserJoined(String id) {
                refreshSnapshot();
                if (media != null) {
                    media.remoteAppeared(id);
                }
                target.onUserJoined(id);
            }

            @Override
            public void onUserLeave(String id, UserLeaveReason reason) {
                refreshSnapshot();
                if (media != null) {
                    media.remoteLeft(id);
                }
                target.onUserLeave(id, reason);
            }

            @Override
            public void onUserPublishStream(String id, MediaKind kind) {
                refreshSnapshot();
                target.onUserPublishStream(id, kind);
            }

            @Override
            public void onUserUnpublishStream(String id, MediaKind kind) {
                refreshSnapshot();
                target.onUserUnpublishStream(id, kind);
            }

            @Override
            public void onUserCaptureChanged(String id, MediaKind kind, boolean capturing) {
                refreshSnapshot();
                target.onUserCaptureChanged(id, kind, capturing);
            }

            @Override
            public void onUserSpeakingChanged(String id, boolean speaking) {
                refreshSnapshot();
                target.onUserSpeakingChanged(id, speaking);
            }
        };
    }

    /** Out of the room without asking (kicked, token expired, unreachable). */
    private void interrupt(RtcError reason, String message) {
        closeMedia();
        closeConnection();
        resetMembership();
        handler.onRoomInterrupted(reason, message);
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (reconnectTimer != null) {
            reconnectTimer.cancel(false);
            reconnectTimer = null;
        }
    }

    private void resetMembership() {
        closeMedia();
        phase = phase == Phase.DESTROYED ? Phase.DESTROYED : Phase.IDLE;
        view.clear();
        published = MediaState.NONE;
        subscriptionOverrides.clear();
        refreshSnapshot();
    }

    // ---- media --------------------------------------------------------------------------------------

    /** Starts the room's media when the engine has any (not in signalling-only mode). */
    private void startMedia() {
        LocalMedia local = engine.local();
        if (local == null) {
            return;
        }
        MediaSession session = new MediaSession(userId, local, this::relay, this::isSubscribed, thread, engine::playbackGain,
                new MediaSession.FirstFrameListener() {
                    @Override
                    public void firstAudio(String from) {
                        if (isJoined()) {
                            handler.onFirstRemoteAudioFrame(from);
                        }
                    }

                    @Override
                    public void firstVideo(String from, MediaKind kind, int width, int height) {
                        if (isJoined()) {
                            handler.onFirstRemoteVideoFrameDecoded(from, kind, width, height);
                        }
                    }
                });
        session.localPublished(published);
        media = session;
    }

    /** Sends negotiation data through the room server while connected; dropped otherwise. */
    private void relay(String to, ObjectNode data) {
        if (connection != null && phase == Phase.JOINED) {
            connection.send(new ClientMessage.Relay(to, data));
        }
    }

    /** Ends the room's media, telling linked members when still connected. */
    private void closeMedia() {
        MediaSession session = media;
        media = null;
        if (session != null) {
            session.close();
        }
    }

    @Override
    public Optional<RemoteMedia> remoteMedia(String remoteUserId) {
        MediaSession session = media;
        return session == null ? Optional.empty() : session.remote(remoteUserId);
    }

    // ---- reconnect --------------------------------------------------------------------------------

    private void startReconnect() {
        connection = null;
        phase = Phase.RECONNECTING;
        reconnectStartedNanos = System.nanoTime();
        handler.onConnectionStateChanged(ConnectionState.RECONNECTING);
        scheduleAttempt(0);
    }

    private void scheduleAttempt(int attempt) {
        long delay = engine.config().reconnect().delay(attempt).toMillis();
        reconnectTimer = thread.schedule(() -> reconnect(attempt), delay, TimeUnit.MILLISECONDS);
    }

    private void reconnect(int attempt) {
        if (phase != Phase.RECONNECTING) {
            return;
        }
        connectAndJoin(sessionId).whenCompleteAsync((result, error) -> {
            if (phase != Phase.RECONNECTING) {
                if (result != null) {
                    result.connection().close();
                }
                return;
            }
            if (error == null) {
                joined(result, true);
                if (published.publishesAnything() || result.joined().resumed()) {
                    MediaState desired = published;
                    applyAutoPublish(s -> desired);
                }
                return;
            }
            RtcException cause = RtcException.from(error);
            long elapsed = System.nanoTime() - reconnectStartedNanos;
            if (cause.error() == RtcError.INVALID_TOKEN) {
                giveUp(RtcError.TOKEN_EXPIRED, RtcError.TOKEN_EXPIRED.detail());
            } else if (elapsed > engine.config().reconnect().giveUpAfter().toNanos()) {
                giveUp(RtcError.CONNECTION_LOST, RtcError.CONNECTION_LOST.detail());
            } else {
                scheduleAttempt(attempt + 1);
            }
        }, thread);
    }

    private void giveUp(RtcError reason, String message) {
        LOG.info("{} gave up on room {}: {}", userId, roomId, message);
        handler.onConnectionStateChanged(ConnectionState.LOST);
        interrupt(reason, message);
    }

    // ---- leave --------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> leave() {
        return onThread(this::leaveNow);
    }

    private CompletableFuture<Void> leaveNow() {
        if (phase == Phase.JOINING) {
            phase = Phase.IDLE;
            return CompletableFuture.completedFuture(null);
        }
        if (phase == Phase.RECONNECTING) {
            closeConnection();
            resetMembership();
            return CompletableFuture.completedFuture(null);
        }
        if (phase != Phase.JOINED) {
            return CompletableFuture.completedFuture(null);
        }
        closeMedia();
        SignalConnection conn = connection;
        connection = null;
        resetMembership();
        return conn.request(id -> new ClientMessage.Leave(id))
                .orTimeout(2, TimeUnit.SECONDS)
                .handle((answer, error) -> {
                    conn.close();
                    return null;
                });
    }

    @Override
    public CompletableFuture<Void> dropConnection() {
        return onThread(() -> {
            if (connection != null) {
                connection.abort();
                connection = null;
            }
            if (isJoined()) {
                closeConnection();
                resetMembership();
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> destroy() {
        return onThread(() -> leaveNow().whenComplete((v, e) -> {
            phase = Phase.DESTROYED;
            engine.forget(this);
        }));
    }
}
