package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.ConnectionState;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.media.LocalMedia;
import dev.ttrtc.bridge.media.MediaSession;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.LeaveReason;
import dev.ttrtc.bridge.signal.MediaSignal;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room of an engine: its phases (idle, joining, joined, reconnecting), its connection to the
 * room server, the requests that change what this participant publishes, subscriptions and the
 * member list. What it publishes is a {@link LocalPublication}; messages overtaking the join
 * answer wait in {@link EarlyMessages}; a {@link Reconnector} retries a dropped connection.
 *
 * <p>Why over 400 lines: what remains is the phase machine itself — every method here reads the
 * phase and the connection together and changes them on the engine thread; the concerns that
 * do not (publication state, early messages, reconnect timing, member events) live in their
 * own classes.
 *
 * <p>Fields marked "engine thread" are touched only there; public methods hop onto that thread
 * and return futures. Host rule (the official sample flow): publish, subscribe and visibility
 * changes made before joining are accepted at once and applied when the join completes; made
 * while the join is under way, they wait for it and answer once applied.
 */
final class RoomSession implements RtcRoom, SignalConnection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);

    private enum Phase { IDLE, JOINING, JOINED, RECONNECTING, DESTROYED }

    /** A connection that answered a join. */
    record Attempt(SignalConnection connection, ServerMessage.Joined joined) {
    }

    private final RealRtcEngine engine;
    private final RoomId roomId;
    private final EngineThread thread;
    private final Map<String, Boolean> subscriptionOverrides = new ConcurrentHashMap<>();
    private volatile RoomEventHandler handler = new RoomEventHandler() { };
    private volatile Phase phase = Phase.IDLE;
    // The wire form of the user id this participant joined as; null before joining.
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
    private final LocalPublication local;
    // Engine thread.
    private final MemberView view = new MemberView();
    // Engine thread: serializes state updates so each is computed from the last accepted one.
    private CompletableFuture<Void> updates = CompletableFuture.completedFuture(null);
    // Engine thread: the join under way (completed when none is).
    private CompletableFuture<Void> joining = CompletableFuture.completedFuture(null);
    /** The room's media; null while not joined and in signalling-only mode. Written on the engine thread. */
    private volatile MediaSession media;
    // Engine thread.
    private final EarlyMessages early = new EarlyMessages();
    private final Reconnector reconnector;

    RoomSession(RealRtcEngine engine, RoomId roomId) {
        this.engine = engine;
        this.roomId = roomId;
        this.thread = engine.thread();
        this.local = new LocalPublication(engine::isCapturing);
        this.reconnector = new Reconnector(thread, engine.config().reconnect(), new Reconnector.Target() {
            @Override
            public CompletableFuture<Attempt> attempt() {
                return connectAndJoin(sessionId);
            }

            @Override
            public boolean waiting() {
                return phase == Phase.RECONNECTING;
            }

            @Override
            public void rejoined(Attempt attempt) {
                RoomSession.this.rejoined(attempt);
            }

            @Override
            public void gaveUp(RtcError reason) {
                giveUp(reason);
            }
        });
    }

    @Override
    public RoomId roomId() {
        return roomId;
    }

    @Override
    public UserId userId() {
        String joined = userId;
        return joined == null ? null : UserId.of(joined);
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

    private static <T> CompletableFuture<T> failed(RtcError error, Object... args) {
        return CompletableFuture.failedFuture(RtcException.of(error, args));
    }

    private void refreshSnapshot() {
        members = view.snapshot(userId, local.state(), local.effectiveSpeaking());
    }

    /**
     * The one dispatch of a room change by phase (on the engine thread): {@code beforeJoin} outside
     * a room, {@code inRoom} once joined — after the join under way, if one is.
     */
    private CompletableFuture<Void> change(Supplier<CompletableFuture<Void>> beforeJoin, Supplier<CompletableFuture<Void>> inRoom) {
        return thread.call(() -> switch (phase) {
            case IDLE -> beforeJoin.get();
            case JOINING -> joining.handle((v, e) -> null).thenComposeAsync(
                    v -> isJoined() ? inRoom.get() : failed(RtcError.NOT_IN_A_ROOM), thread.executor());
            case JOINED, RECONNECTING -> inRoom.get();
            case DESTROYED -> failed(RtcError.NOT_IN_A_ROOM);
        });
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    // ---- join -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> join(String joinToken, UserId joinUserId, RoomConfig joinConfig) {
        return thread.call(() -> {
            if (phase == Phase.DESTROYED) {
                return failed(RtcError.ENGINE_DESTROYED);
            }
            if (phase != Phase.IDLE) {
                return failed(RtcError.ALREADY_IN_ROOM, userId, roomId);
            }
            if (engine.config().server() == null) {
                return failed(RtcError.NO_SERVER);
            }
            token = joinToken;
            userId = joinUserId.value();
            config = joinConfig;
            local.setVisible(local.joinVisibility(joinConfig.visible()));
            local.setPublished(MediaState.NONE);
            local.setSpeaking(engine.localSpeaking());
            phase = Phase.JOINING;
            CompletableFuture<Void> result = connectAndJoin(null).thenComposeAsync(attempt -> {
                if (phase != Phase.JOINING) {
                    attempt.connection().close();
                    return failed(RtcError.LEFT_WHILE_JOINING);
                }
                joined(attempt, false);
                MediaState start = local.startJoined(config.autoPublish());
                return start.equals(local.published()) ? done() : applyAutoPublish(s -> start);
            }, thread.executor()).whenCompleteAsync((v, error) -> {
                if (error != null && phase == Phase.JOINING) {
                    phase = Phase.IDLE;
                    early.clear();
                }
            }, thread.executor());
            joining = result;
            return result;
        });
    }

    /** Opens a connection and sends a join (resuming {@code resume} when not null). */
    private CompletableFuture<Attempt> connectAndJoin(String resume) {
        MediaState state = local.withCapture(MediaState.NONE);
        String appId = engine.config().appId().value();
        String joinToken = token;
        String joinUser = userId;
        boolean joinVisible = local.visible();
        return SignalConnection.open(engine.config().server(), this, engine.config().connectTimeout())
                .thenCompose(conn -> conn.request(id -> new ClientMessage.Join(id, appId, roomId.value(), joinUser, joinToken,
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
        thread.assertCurrent();
        connection = attempt.connection();
        sessionId = attempt.joined().sessionId();
        phase = Phase.JOINED;
        MediaSession previous = media;
        closeMedia();
        List<String> known = view.remoteUserIds();
        startMedia();
        view.reset(attempt.joined().members(), userId, memberEvents());
        view.setLocalVisible(userId, local.visible());
        refreshSnapshot();
        MediaSession current = media;
        if (current != null) {
            if (previous != null && attempt.joined().resumed()) {
                // Nobody saw this participant leave, so nobody subscribes again by themselves.
                current.takeOverSubscribers(previous);
            }
            view.remoteUserIds().stream().filter(known::contains).forEach(current::remoteAppeared);
        }
        handler.onRoomStateChanged(roomId, UserId.of(userId), 0, rejoin ? 1 : 0);
        if (rejoin) {
            handler.onConnectionStateChanged(ConnectionState.RECONNECTED);
        }
        for (ServerMessage message : early.takeFrom(connection)) {
            if (phase == Phase.JOINED) {
                handleSafely(message);
            }
        }
    }

    /** Publishes what autoPublish asks for; a refusal is reported to the handler, not thrown. */
    private CompletableFuture<Void> applyAutoPublish(UnaryOperator<MediaState> change) {
        return applyAutoPublish(change, UnaryOperator.identity());
    }

    /**
     * Publishes what {@code change} asks for; a refusal is reported to the handler, not thrown,
     * and {@code fallback} (what the server still holds) is sent instead.
     */
    private CompletableFuture<Void> applyAutoPublish(UnaryOperator<MediaState> change, UnaryOperator<MediaState> fallback) {
        return requestState(change).exceptionallyCompose(error -> {
            RtcException refused = RtcException.from(error);
            handler.onRoomError(refused.error(), refused.detail());
            return requestState(fallback);
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
                setPublished(change.apply(local.published()));
                return done();
            }
            if (phase != Phase.JOINED) {
                return failed(RtcError.NOT_IN_A_ROOM);
            }
            MediaState target = change.apply(local.published());
            MediaState wire = local.withCapture(target);
            SignalConnection conn = connection;
            return conn.request(id -> new ClientMessage.Update(id, wire)).thenAcceptAsync(ack -> {
                if (connection == conn) {
                    setPublished(target);
                }
            }, thread.executor());
        }, thread.executor());
        updates = result;
        return result;
    }

    /** Takes new publish flags; the snapshot is refreshed before the handler hears of them. */
    private void setPublished(MediaState target) {
        MediaState before = local.published();
        boolean wasSpeaking = local.effectiveSpeaking();
        local.setPublished(target);
        refreshSnapshot();
        if (media != null) {
            media.localPublished(target);
        }
        if (!before.audioPublished() && target.audioPublished() && local.speaking() && phase == Phase.JOINED) {
            // The server counts speaking only while audio is published: tell it now.
            connection.send(new ClientMessage.Speaking(true));
        }
        for (MediaKind kind : MediaKind.values()) {
            boolean was = LocalPublication.flag(before, kind);
            boolean is = LocalPublication.flag(target, kind);
            if (was != is) {
                handler.onLocalPublishChanged(kind, is);
            }
        }
        if (wasSpeaking != local.effectiveSpeaking()) {
            handler.onUserSpeakingChanged(UserId.of(userId), local.effectiveSpeaking());
        }
    }

    @Override
    public CompletableFuture<Void> publishStream(MediaKind kind) {
        return setPublishing(kind, true);
    }

    @Override
    public CompletableFuture<Void> unpublishStream(MediaKind kind) {
        return setPublishing(kind, false);
    }

    private CompletableFuture<Void> setPublishing(MediaKind kind, boolean on) {
        return change(() -> {
            local.publishBeforeJoin(kind, on);
            return done();
        }, () -> requestState(s -> LocalPublication.with(s, kind, on)));
    }

    /** The engine's capture changed (engine thread). */
    void captureChanged(MediaKind kind, boolean on) {
        thread.assertCurrent();
        if (!isJoined()) {
            return;
        }
        refreshSnapshot();
        handler.onUserCaptureChanged(UserId.of(userId), kind, on);
        if (config.autoPublish() && local.visible()) {
            applyAutoPublish(s -> LocalPublication.with(s, kind, on));
        } else {
            requestState(UnaryOperator.identity()).exceptionally(e -> null);
        }
    }

    /** The speech detector's verdict on this participant's captured audio (engine thread). */
    void setLocalSpeaking(boolean speaking) {
        thread.assertCurrent();
        if (local.speaking() == speaking) {
            return;
        }
        boolean before = local.effectiveSpeaking();
        local.setSpeaking(speaking);
        if (phase == Phase.JOINED && local.published().audioPublished()) {
            connection.send(new ClientMessage.Speaking(speaking));
        }
        if (isJoined() && before != local.effectiveSpeaking()) {
            refreshSnapshot();
            handler.onUserSpeakingChanged(UserId.of(userId), local.effectiveSpeaking());
        }
    }

    // ---- subscriptions, visibility, token ---------------------------------------------------------

    @Override
    public CompletableFuture<Void> subscribeStream(UserId remoteUserId, MediaKind kind) {
        return setSubscription(remoteUserId.value(), kind, true);
    }

    @Override
    public CompletableFuture<Void> unsubscribeStream(UserId remoteUserId, MediaKind kind) {
        return setSubscription(remoteUserId.value(), kind, false);
    }

    private CompletableFuture<Void> setSubscription(String remoteUserId, MediaKind kind, boolean on) {
        return change(() -> {
            // Nobody is known yet: the choice waits for the member, whenever it joins.
            subscriptionOverrides.put(remoteUserId + "/" + kind, on);
            return done();
        }, () -> {
            if (!view.contains(remoteUserId)) {
                return failed(kind == MediaKind.SCREEN ? RtcError.SCREEN_NOT_A_MEMBER : RtcError.NOT_A_MEMBER, remoteUserId);
            }
            subscriptionOverrides.put(remoteUserId + "/" + kind, on);
            if (media != null) {
                media.subscriptionsChanged(remoteUserId);
            }
            return done();
        });
    }

    @Override
    public boolean isSubscribed(UserId remoteUserId, MediaKind kind) {
        return subscribed(remoteUserId.value(), kind);
    }

    /** Whether this participant receives a member's stream, by the member's wire id (media asks so). */
    private boolean subscribed(String remoteUserId, MediaKind kind) {
        return subscriptionOverrides.getOrDefault(remoteUserId + "/" + kind, config.autoSubscribe());
    }

    @Override
    public CompletableFuture<Void> setUserVisibility(boolean show) {
        return change(() -> {
            local.visibleBeforeJoin(show);
            return done();
        }, () -> {
            if (phase == Phase.RECONNECTING) {
                applyVisibility(show);
                return done();
            }
            return connection.request(id -> new ClientMessage.Visibility(id, show))
                    .thenAcceptAsync(ack -> applyVisibility(show), thread.executor());
        });
    }

    private void applyVisibility(boolean show) {
        local.setVisible(show);
        view.setLocalVisible(userId, show);
        refreshSnapshot();
        if (!show) {
            setPublished(local.published().unpublished());
        }
        handler.onLocalVisibilityChanged(show);
    }

    /** Host rule: outside a room there is no token to renew (the join carries its own). */
    @Override
    public CompletableFuture<Void> updateToken(String newToken) {
        return change(() -> failed(RtcError.NOT_IN_A_ROOM), () -> {
            if (phase == Phase.RECONNECTING) {
                token = newToken;
                return done();
            }
            return connection.request(id -> new ClientMessage.UpdateToken(id, newToken))
                    .thenAcceptAsync(ack -> token = newToken, thread.executor());
        });
    }

    // ---- server messages (from the connection's thread) ---------------------------------------------

    @Override
    public void onMessage(SignalConnection from, ServerMessage message) {
        thread.executeIfOpen(() -> {
            if (from == connection && phase == Phase.JOINED) {
                handleSafely(message);
            } else if (phase == Phase.JOINING || phase == Phase.RECONNECTING) {
                early.keep(from, message);
            }
        });
    }

    @Override
    public void onLost(SignalConnection from, String reason) {
        thread.executeIfOpen(() -> {
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
                try {
                    media.onRelay(relayed.from(), MessageCodec.readMedia(relayed.data()));
                } catch (RtcException unreadable) {
                    LOG.debug("{} in room {}: unreadable media signal from {}: {}", userId, roomId, relayed.from(), unreadable.detail());
                }
            }
        } else if (message instanceof ServerMessage.PublishRevoked revoked) {
            publishRevoked(revoked.state());
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

    /**
     * The server stopped publishing the token no longer grants: take the publish flags it kept
     * (sending stops on every link, see {@link #setPublished}), then say why. Nothing remembers the
     * refusal here: the server refuses a later publish (21130) until a token grants it again.
     */
    private void publishRevoked(MediaState serverState) {
        setPublished(LocalPublication.publishFlags(serverState));
        RtcError why = RtcError.PUBLISH_PRIVILEGE_ENDED;
        handler.onPublishRevoked(why, why.detail());
    }

    /** Handler events for member changes, with the snapshot (and media) updated before each reaches the handler. */
    private RoomEventHandler memberEvents() {
        return new MemberEvents(handler, this::refreshSnapshot, () -> media);
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
        reconnector.cancel();
    }

    private void resetMembership() {
        closeMedia();
        phase = phase == Phase.DESTROYED ? Phase.DESTROYED : Phase.IDLE;
        view.clear();
        local.reset();
        subscriptionOverrides.clear();
        refreshSnapshot();
    }

    // ---- media --------------------------------------------------------------------------------------

    /** Starts the room's media when the engine has any (not in signalling-only mode). */
    private void startMedia() {
        LocalMedia sending = engine.local();
        if (sending == null) {
            return;
        }
        MediaSession session = new MediaSession(userId, sending, this::relay, this::subscribed, thread.executor(),
                engine::playbackGain, new MediaSession.FirstFrameListener() {
                    @Override
                    public void firstAudio(String from) {
                        if (isJoined()) {
                            handler.onFirstRemoteAudioFrame(UserId.of(from));
                        }
                    }

                    @Override
                    public void firstVideo(String from, MediaKind kind, int width, int height) {
                        if (isJoined()) {
                            handler.onFirstRemoteVideoFrameDecoded(UserId.of(from), kind, width, height);
                        }
                    }
                });
        session.localPublished(local.published());
        media = session;
    }

    /** Sends negotiation data through the room server while connected; dropped otherwise. */
    private void relay(String to, MediaSignal signal) {
        if (connection != null && phase == Phase.JOINED) {
            connection.send(new ClientMessage.Relay(to, MessageCodec.writeMedia(signal)));
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
    public Optional<RemoteMedia> remoteMedia(UserId remoteUserId) {
        MediaSession session = media;
        return session == null ? Optional.empty() : session.remote(remoteUserId.value());
    }

    // ---- reconnect --------------------------------------------------------------------------------

    private void startReconnect() {
        connection = null;
        phase = Phase.RECONNECTING;
        handler.onConnectionStateChanged(ConnectionState.RECONNECTING);
        reconnector.start();
    }

    /**
     * Publishes again what was published before the connection dropped. If the server refuses (a
     * publish privilege ended meanwhile, or the publisher slots filled), the flags fall back to
     * what the server holds, so the local state never claims a publication the others do not see.
     */
    private void rejoined(Attempt attempt) {
        joined(attempt, true);
        if (local.published().publishesAnything() || attempt.joined().resumed()) {
            MediaState desired = local.published();
            MediaState held = heldByServer(attempt.joined());
            applyAutoPublish(s -> desired, s -> held);
        }
    }

    /** This participant's publish flags as a join answer shows them (nothing when it is not listed: invisible). */
    private MediaState heldByServer(ServerMessage.Joined answer) {
        return answer.members().stream().filter(m -> m.userId().equals(userId)).findFirst()
                .map(m -> LocalPublication.publishFlags(m.state())).orElse(MediaState.NONE);
    }

    private void giveUp(RtcError reason) {
        LOG.info("{} gave up on room {}: {}", userId, roomId, reason.detail());
        handler.onConnectionStateChanged(ConnectionState.LOST);
        interrupt(reason, reason.detail());
    }

    // ---- leave --------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> leave() {
        return thread.call(this::leaveNow);
    }

    private CompletableFuture<Void> leaveNow() {
        if (phase == Phase.JOINING) {
            phase = Phase.IDLE;
            return done();
        }
        if (phase == Phase.RECONNECTING) {
            closeConnection();
            resetMembership();
            return done();
        }
        if (phase != Phase.JOINED) {
            return done();
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
        return thread.call(() -> {
            if (connection != null) {
                connection.abort();
                connection = null;
            }
            if (isJoined()) {
                closeConnection();
                resetMembership();
            }
            return done();
        });
    }

    @Override
    public CompletableFuture<Void> destroy() {
        return thread.call(() -> leaveNow().whenComplete((v, e) -> {
            phase = Phase.DESTROYED;
            engine.forget(this);
        }));
    }
}
