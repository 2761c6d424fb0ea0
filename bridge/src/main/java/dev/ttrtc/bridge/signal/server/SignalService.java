package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.InvalidTokenException;
import dev.ttrtc.bridge.signal.LeaveReason;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.Privilege;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.TokenVerifier;
import io.undertow.websockets.core.WebSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms and their members, and every rule of the protocol. All state lives on one actor
 * thread; Undertow's IO threads only hand frames over, so no room is ever seen half-changed and a
 * misbehaving connection can do no more than earn error frames and, eventually, a disconnect.
 */
final class SignalService {
    private static final Logger LOG = LoggerFactory.getLogger(SignalService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record RoomKey(String appId, String roomId) {
    }

    private final TokenVerifier verifier;
    private final ServerSettings settings;
    private final ScheduledExecutorService actor;
    // Actor thread only.
    private final Map<WebSocketChannel, Connection> connections = new HashMap<>();
    // Actor thread only.
    private final Map<RoomKey, Room> rooms = new HashMap<>();
    // Actor thread only.
    private boolean shuttingDown;

    SignalService(TokenVerifier verifier, ServerSettings settings, String threadName) {
        this.verifier = verifier;
        this.settings = settings;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.actor = executor;
        long sweep = settings.sweepInterval().toMillis();
        actor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    // ---- called from IO threads -----------------------------------------------------------------

    void opened(WebSocketChannel channel) {
        onActor(() -> connections.put(channel,
                new Connection(channel, System.nanoTime(), settings.maxMessagesPerSecond() * 2)));
    }

    void received(WebSocketChannel channel, String text) {
        onActor(() -> {
            Connection connection = connections.get(channel);
            if (connection != null && !connection.closed) {
                onText(connection, text);
            }
        });
    }

    void receivedBinary(WebSocketChannel channel) {
        onActor(() -> {
            Connection connection = connections.get(channel);
            if (connection != null && !connection.closed) {
                refuse(connection, 0, RtcException.of(RtcError.BINARY_FRAME));
            }
        });
    }

    /** A text message passed {@code limit} bytes: it is not read on; the client is told and let go. */
    void receivedTooLarge(WebSocketChannel channel, int limit) {
        onActor(() -> {
            Connection connection = connections.get(channel);
            if (connection != null && !connection.closed) {
                connection.send(ServerMessage.Error.of(0, RtcException.of(RtcError.FRAME_TOO_LARGE, limit)));
                connection.close(1009, "message too big");
                detach(connection);
            }
        });
    }

    void closed(WebSocketChannel channel) {
        onActor(() -> {
            Connection connection = connections.remove(channel);
            if (connection != null) {
                connection.closed = true;
                detach(connection);
            }
        });
    }

    /** Hands work to the actor; after shutdown there is nothing left to do with it. */
    private void onActor(Runnable task) {
        try {
            actor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("server stopped; dropped a connection event");
        }
    }

    // ---- inspection -----------------------------------------------------------------------------

    CompletableFuture<List<RoomSnapshot>> snapshot() {
        return CompletableFuture.supplyAsync(() -> rooms.values().stream().map(Room::snapshot).toList(), actor);
    }

    // ---- messages (actor thread) ----------------------------------------------------------------

    private void onText(Connection connection, String text) {
        long now = System.nanoTime();
        connection.lastSeenNanos = now;
        Member member = connection.member;
        if (member != null) {
            member.lastSeenNanos = now;
        }
        if (!connection.admit(now, settings.maxMessagesPerSecond())) {
            refuse(connection, 0, RtcException.of(RtcError.RATE_LIMITED, settings.maxMessagesPerSecond()));
            return;
        }
        ClientMessage message;
        try {
            message = MessageCodec.readClient(text);
        } catch (RtcException e) {
            refuse(connection, 0, e);
            return;
        }
        try {
            dispatch(connection, message);
        } catch (RtcException e) {
            refuse(connection, requestId(message), e);
        }
    }

    private static int requestId(ClientMessage message) {
        if (message instanceof ClientMessage.Join m) {
            return m.id();
        } else if (message instanceof ClientMessage.Leave m) {
            return m.id();
        } else if (message instanceof ClientMessage.Update m) {
            return m.id();
        } else if (message instanceof ClientMessage.Visibility m) {
            return m.id();
        } else if (message instanceof ClientMessage.UpdateToken m) {
            return m.id();
        }
        return 0;
    }

    private void refuse(Connection connection, int id, RtcException error) {
        connection.send(ServerMessage.Error.of(id, error));
        if (connection.countError(System.nanoTime(), settings.maxErrors(), settings.errorWindow().toNanos())) {
            LOG.info("disconnecting {}: too many bad messages", connection);
            connection.send(ServerMessage.Error.of(0, RtcException.of(RtcError.TOO_MANY_ERRORS)));
            connection.close(1008, "too many bad messages");
            detach(connection);
        }
    }

    private void dispatch(Connection connection, ClientMessage message) {
        if (message instanceof ClientMessage.Ping) {
            connection.send(new ServerMessage.Pong());
            return;
        }
        if (message instanceof ClientMessage.Join join) {
            join(connection, join);
            return;
        }
        Member member = connection.member;
        if (member == null) {
            throw RtcException.of(RtcError.BEFORE_JOIN, MessageCodec.typeName(message));
        }
        if (message instanceof ClientMessage.Leave leave) {
            remove(member, LeaveReason.LEFT);
            connection.send(new ServerMessage.Ack(leave.id()));
        } else if (message instanceof ClientMessage.Update update) {
            update(member, update.state());
            connection.send(new ServerMessage.Ack(update.id()));
        } else if (message instanceof ClientMessage.Speaking speaking) {
            setSpeaking(member, speaking.speaking());
        } else if (message instanceof ClientMessage.Visibility visibility) {
            setVisible(member, visibility.visible());
            connection.send(new ServerMessage.Ack(visibility.id()));
        } else if (message instanceof ClientMessage.UpdateToken update) {
            member.token = verify(update.token(), member.room.appId, member.room.roomId, member.userId);
            scheduleTokenTimers(member);
            connection.send(new ServerMessage.Ack(update.id()));
        } else if (message instanceof ClientMessage.Relay relay) {
            Member target = member.room.get(relay.to());
            if (target == null || target.connection == null) {
                throw RtcException.of(RtcError.NO_SUCH_MEMBER, relay.to());
            }
            if (target == member) {
                throw RtcException.of(RtcError.SIGNAL_TO_SELF);
            }
            // Re-encoding may grow the data (1e5 is written 100000.0): never send a frame larger
            // than clients accept, or a member could knock the others off the server.
            String relayed = MessageCodec.write(new ServerMessage.Relayed(member.userId, relay.data()));
            int bytes = relayed.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MessageCodec.MAX_MESSAGE_BYTES) {
                throw RtcException.of(RtcError.RELAY_TOO_LARGE, bytes, MessageCodec.MAX_MESSAGE_BYTES);
            }
            target.connection.sendText(relayed);
        }
    }

    private AccessToken verify(String token, String appId, String roomId, String userId) {
        try {
            return verifier.verify(token, appId, roomId, userId, System.currentTimeMillis() / 1000);
        } catch (InvalidTokenException e) {
            throw RtcException.of(RtcError.TOKEN_REFUSED, e.problem().description());
        }
    }

    private void join(Connection connection, ClientMessage.Join join) {
        if (connection.member != null) {
            throw RtcException.of(RtcError.ALREADY_JOINED, connection.member.room.roomId);
        }
        if (shuttingDown) {
            throw RtcException.of(RtcError.SHUTTING_DOWN);
        }
        if (!Ids.isValid(join.roomId()) || !Ids.isValid(join.userId())) {
            throw RtcException.of(RtcError.INVALID_IDS);
        }
        AccessToken token = verify(join.token(), join.appId(), join.roomId(), join.userId());
        RoomKey key = new RoomKey(join.appId(), join.roomId());
        Room room = rooms.get(key);
        if (room == null) {
            room = new Room(join.appId(), join.roomId());
        }
        if (join.visible() && room.visibleCount(join.userId()) >= settings.maxVisibleMembers()) {
            throw RtcException.of(RtcError.ROOM_FULL, join.roomId(), settings.maxVisibleMembers());
        }
        rooms.put(key, room);
        Member existing = room.get(join.userId());
        boolean resumed = existing != null && join.resume() != null && join.resume().equals(existing.sessionId);
        Member member;
        MemberInfo before = existing == null ? null : existing.info();
        boolean wasVisible = existing != null && existing.visible;
        if (resumed) {
            member = existing;
            if (member.connection != null && member.connection != connection) {
                Connection stale = member.connection;
                stale.member = null;
                stale.abort();
            }
        } else {
            member = new Member(join.userId(), room, HexFormat.of().formatHex(RANDOM.generateSeed(12)));
            if (existing != null) {
                kick(existing, RtcError.DUPLICATE_LOGIN, RtcError.DUPLICATE_LOGIN.detail(join.userId(), join.roomId()));
            }
            room.put(member);
        }
        MediaState kept = resumed ? member.state : MediaState.NONE;
        member.state = new MediaState(join.state().audioCapture(), join.state().videoCapture(),
                kept.audioPublished() && join.visible(), kept.videoPublished() && join.visible(),
                kept.screenPublished() && join.visible());
        member.speaking = member.speaking && member.state.audioPublished();
        member.visible = join.visible();
        member.token = token;
        member.connection = connection;
        member.lastSeenNanos = System.nanoTime();
        connection.member = member;
        connection.send(new ServerMessage.Joined(join.id(), member.sessionId, token.expireAt(), resumed, room.visibleMembers()));
        announce(member, wasVisible, before);
        scheduleTokenTimers(member);
    }

    /** Tells the others how a member changed: appeared, disappeared or updated. */
    private void announce(Member member, boolean wasVisible, MemberInfo before) {
        if (wasVisible && !member.visible) {
            member.room.broadcast(new ServerMessage.MemberLeft(member.userId, LeaveReason.INVISIBLE.wireName()), member);
        } else if (!wasVisible && member.visible) {
            member.room.broadcast(new ServerMessage.MemberJoined(member.info()), member);
        } else if (member.visible && !member.info().equals(before)) {
            member.room.broadcast(new ServerMessage.MemberUpdated(member.info()), member);
        }
    }

    private void update(Member member, MediaState next) {
        MediaState current = member.state;
        boolean startsPublishing = (next.audioPublished() && !current.audioPublished())
                || (next.videoPublished() && !current.videoPublished())
                || (next.screenPublished() && !current.screenPublished());
        if (startsPublishing) {
            checkMayPublish(member, next);
        }
        MemberInfo before = member.info();
        member.state = next;
        member.speaking = member.speaking && next.audioPublished();
        announce(member, member.visible, before);
    }

    private void checkMayPublish(Member member, MediaState next) {
        if (!member.visible) {
            throw RtcException.of(RtcError.INVISIBLE_PUBLISHER);
        }
        long now = System.currentTimeMillis() / 1000;
        boolean all = member.token.grants(Privilege.PUBLISH_STREAM, now);
        if ((next.audioPublished() && !all && !member.token.grants(Privilege.PUBLISH_AUDIO_STREAM, now))
                || ((next.videoPublished() || next.screenPublished()) && !all
                        && !member.token.grants(Privilege.PUBLISH_VIDEO_STREAM, now))) {
            throw RtcException.of(RtcError.NO_PUBLISH_PRIVILEGE);
        }
        if (!member.state.publishesAnything()
                && member.room.publisherCount(member.userId) >= settings.maxPublishers()) {
            throw RtcException.of(RtcError.PUBLISHER_LIMIT, settings.maxPublishers());
        }
    }

    private void setSpeaking(Member member, boolean speaking) {
        boolean effective = speaking && member.state.audioPublished();
        if (member.speaking != effective) {
            MemberInfo before = member.info();
            member.speaking = effective;
            announce(member, member.visible, before);
        }
    }

    private void setVisible(Member member, boolean visible) {
        if (member.visible == visible) {
            return;
        }
        if (visible && member.room.visibleCount(member.userId) >= settings.maxVisibleMembers()) {
            throw RtcException.of(RtcError.ROOM_FULL, member.room.roomId, settings.maxVisibleMembers());
        }
        MemberInfo before = member.info();
        member.visible = visible;
        if (!visible) {
            member.state = member.state.unpublished();
            member.speaking = false;
        }
        announce(member, !visible, before);
    }

    private void scheduleTokenTimers(Member member) {
        member.cancelTimers();
        long expireAt = member.token.expireAt();
        if (expireAt == 0) {
            return;
        }
        long untilExpiry = expireAt * 1000 - System.currentTimeMillis();
        long untilWarning = Math.max(0, untilExpiry - settings.tokenWarning().toMillis());
        member.tokenWarningTimer = actor.schedule(() -> {
            if (member.connection != null && member.room.get(member.userId) == member) {
                member.connection.send(new ServerMessage.TokenWillExpire(expireAt));
            }
        }, untilWarning, TimeUnit.MILLISECONDS);
        member.tokenExpiryTimer = actor.schedule(() -> {
            if (member.room.get(member.userId) == member) {
                kick(member, RtcError.TOKEN_EXPIRED, RtcError.TOKEN_EXPIRED.detail());
                removeFromRoom(member, LeaveReason.KICKED);
            }
        }, Math.max(0, untilExpiry), TimeUnit.MILLISECONDS);
    }

    /** Tells a member's client it is out of the room; the connection stays open. */
    private void kick(Member member, RtcError reason, String message) {
        member.cancelTimers();
        Connection connection = member.connection;
        if (connection != null) {
            connection.send(new ServerMessage.Kicked(reason.code(), reason.wireName(), message));
            connection.member = null;
            member.connection = null;
        }
        LOG.info("{} kicked from {}/{}: {}", member.userId, member.room.appId, member.room.roomId, message);
    }

    private void remove(Member member, LeaveReason reason) {
        if (member.connection != null) {
            member.connection.member = null;
            member.connection = null;
        }
        removeFromRoom(member, reason);
    }

    private void removeFromRoom(Member member, LeaveReason reason) {
        member.cancelTimers();
        Room room = member.room;
        if (room.get(member.userId) != member) {
            return;
        }
        room.remove(member);
        if (member.visible) {
            room.broadcast(new ServerMessage.MemberLeft(member.userId, reason.wireName()), member);
        }
        if (room.isEmpty()) {
            rooms.remove(new RoomKey(room.appId, room.roomId));
        }
    }

    /** The connection is gone; its member stays until the heartbeat timeout, so a quick reconnect resumes. */
    private void detach(Connection connection) {
        Member member = connection.member;
        if (member != null && member.connection == connection) {
            member.connection = null;
        }
        connection.member = null;
    }

    private void sweep() {
        long now = System.nanoTime();
        long timeout = settings.heartbeatTimeout().toNanos();
        for (Connection connection : List.copyOf(connections.values())) {
            if (now - connection.lastSeenNanos > timeout && !connection.closed) {
                LOG.info("{} went silent; closing", connection);
                detach(connection);
                connection.abort();
            }
        }
        for (Room room : List.copyOf(rooms.values())) {
            for (Member member : new ArrayList<>(room.members())) {
                if (member.connection == null && now - member.lastSeenNanos > timeout) {
                    removeFromRoom(member, LeaveReason.DROPPED);
                }
            }
        }
    }

    // ---- shutdown -------------------------------------------------------------------------------

    /** Tells every client the server is going and closes their connections. */
    void shutdown() {
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            shuttingDown = true;
            for (Connection connection : connections.values()) {
                connection.send(new ServerMessage.Shutdown("the room server is shutting down"));
                connection.close(1001, "server shutting down");
            }
        }, actor);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("shutdown notice did not complete", e);
        }
        actor.shutdownNow();
    }

    Optional<RoomSnapshot> room(String appId, String roomId) {
        return snapshot().join().stream().filter(r -> r.appId().equals(appId) && r.roomId().equals(roomId)).findFirst();
    }
}
