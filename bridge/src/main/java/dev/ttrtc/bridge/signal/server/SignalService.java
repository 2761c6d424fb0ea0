package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.InvalidTokenException;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.TokenVerifier;
import io.undertow.websockets.core.WebSocketChannel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's front desk: it polices connections (how many per address, how fast they send,
 * how many bad messages) and hands each message to the room it concerns. Rules live in
 * {@link Room}; this class decides only where and in what order work runs.
 *
 * <p>Threads: Undertow's IO thread of a connection counts, rate-limits, parses and answers pings.
 * Everything else a connection asks runs in its own chain: one task after the other, each on the
 * strand of the room it concerns (the member's room, or the room a join names), so one
 * connection's messages are handled in the order sent, and each room only on its own strand.
 * Rooms' strands share a few threads fairly ({@link Strand}), so a flooded room cannot stall the
 * others.
 */
final class SignalService {
    private static final Logger LOG = LoggerFactory.getLogger(SignalService.class);
    private static final Frame PONG = Frame.of(new ServerMessage.Pong());
    private static final CompletableFuture<Boolean> DONE = CompletableFuture.completedFuture(true);

    private record RoomKey(String appId, String roomId) {
    }

    private final TokenVerifier verifier;
    private final ServerSettings settings;
    private final RoomThreads threads;
    private final TokenTimers tokenTimers;
    private final Map<WebSocketChannel, Connection> connections = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<RoomKey, Room> rooms = new ConcurrentHashMap<>();
    private final Outbox outbox = new Outbox();
    private volatile boolean shuttingDown;

    SignalService(TokenVerifier verifier, ServerSettings settings, String threadName) {
        this.verifier = verifier;
        this.settings = settings;
        this.threads = new RoomThreads(threadName, settings.roomThreads());
        this.tokenTimers = new TokenTimers(threads, settings.tokenWarning());
        Sweep sweep = new Sweep(connections.values(), rooms.values(), settings.heartbeatTimeout());
        threads.every(settings.sweepInterval().toMillis(), sweep);
    }

    // ---- connections (IO threads) ------------------------------------------------------------------

    /** A new WebSocket; refused with an error frame and a close when its address has too many. */
    void opened(WebSocketChannel channel) {
        Connection c = new Connection(channel, outbox, System.nanoTime(), settings);
        InetAddress address = c.address();
        int count = perAddress.merge(address, 1, Integer::sum);
        connections.put(channel, c);
        channel.addCloseTask(this::closed);
        if (count > settings.maxConnectionsPerAddress()) {
            LOG.info("refusing {}: more than {} connections from its address", c, settings.maxConnectionsPerAddress());
            c.send(ServerMessage.Error.of(0, RtcException.of(RtcError.TOO_MANY_CONNECTIONS,
                    settings.maxConnectionsPerAddress())));
            c.close(1008, "too many connections");
        }
    }

    private void closed(WebSocketChannel channel) {
        Connection c = connections.remove(channel);
        if (c == null) {
            return;
        }
        perAddress.computeIfPresent(c.address(), (a, n) -> n == 1 ? null : n - 1);
        c.ended();
        inOrder(c, () -> {
            Member member = c.member;
            return member == null ? null : member.room;
        }, room -> room.connectionLost(c));
    }

    /** A whole text message, on the connection's IO thread. */
    void received(WebSocketChannel channel, String text) {
        Connection c = connections.get(channel);
        if (c == null || c.isClosed()) {
            return;
        }
        long now = System.nanoTime();
        c.lastSeenNanos = now;
        if (!c.admit(now)) {
            refuse(c, 0, RtcException.of(RtcError.RATE_LIMITED, settings.maxMessagesPerSecond()));
            return;
        }
        ClientMessage message;
        try {
            message = MessageCodec.readClient(text);
        } catch (RtcException e) {
            refuse(c, 0, e);
            return;
        }
        if (message instanceof ClientMessage.Ping) {
            c.send(PONG);
        } else if (message instanceof ClientMessage.Join join) {
            inOrder(c, () -> admissible(c, join), room -> join(c, room, join));
        } else {
            inOrder(c, () -> roomOf(c, message), room -> dispatch(c, room, message));
        }
    }

    void receivedBinary(WebSocketChannel channel) {
        Connection c = connections.get(channel);
        if (c != null && !c.isClosed()) {
            refuse(c, 0, RtcException.of(RtcError.BINARY_FRAME));
        }
    }

    /** A text message passed {@code limit} bytes: it is not read on; the client is told and let go. */
    void receivedTooLarge(WebSocketChannel channel, int limit) {
        Connection c = connections.get(channel);
        if (c != null && !c.isClosed()) {
            c.send(ServerMessage.Error.of(0, RtcException.of(RtcError.FRAME_TOO_LARGE, limit)));
            c.close(1009, "message too big");
        }
    }

    private void refuse(Connection c, int id, RtcException error) {
        c.send(ServerMessage.Error.of(id, error));
        if (c.countError(System.nanoTime(), settings.maxErrors(), settings.errorWindow().toNanos())) {
            LOG.info("disconnecting {}: too many bad messages", c);
            c.send(ServerMessage.Error.of(0, RtcException.of(RtcError.TOO_MANY_ERRORS)));
            c.close(1008, "too many bad messages");
        }
    }

    // ---- the connection's chain --------------------------------------------------------------------

    /** Where a task goes: its room, or null when it is answered without one; may refuse. */
    private interface Route {
        Room room() throws Refusal;
    }

    /** What a task does on its room's strand. */
    private interface RoomTask {
        void run(Room room) throws Refusal;
    }

    /**
     * Appends a task to the connection's chain: once the connection's previous task is done, the
     * route is decided and the task runs on that room's strand; a room that retired meanwhile is
     * replaced and the task runs there. Only the connection's IO thread appends.
     */
    private void inOrder(Connection c, Route route, RoomTask task) {
        c.tail = c.tail.thenCompose(v -> attempt(c, route, task))
                .handle((ok, failure) -> {
                    if (failure != null) {
                        LOG.error("handling a message of {} failed", c, failure);
                    }
                    return null;
                });
    }

    private CompletableFuture<Boolean> attempt(Connection c, Route route, RoomTask task) {
        Room room;
        try {
            room = route.room();
        } catch (Refusal r) {
            refuse(c, r.id, r.error);
            return DONE;
        }
        if (room == null) {
            return DONE;
        }
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        room.strand.execute(() -> {
            if (room.isRetired()) {
                ran.complete(false);
                return;
            }
            try {
                task.run(room);
            } catch (Refusal r) {
                refuse(c, r.id, r.error);
            } finally {
                ran.complete(true);
            }
        });
        return ran.thenCompose(done -> done ? DONE : attempt(c, route, task));
    }

    /** The room of the connection's member; refused before a join. */
    private static Room roomOf(Connection c, ClientMessage message) {
        Member member = c.member;
        if (member == null) {
            throw new Refusal(requestId(message), RtcException.of(RtcError.BEFORE_JOIN, MessageCodec.typeName(message)));
        }
        return member.room;
    }

    /** The room a join names, once the join passed every check that needs no room. */
    private Room admissible(Connection c, ClientMessage.Join join) {
        Member member = c.member;
        if (member != null) {
            throw new Refusal(join.id(), RtcException.of(RtcError.ALREADY_JOINED, member.room.roomId));
        }
        if (shuttingDown) {
            throw new Refusal(join.id(), RtcException.of(RtcError.SHUTTING_DOWN));
        }
        if (!Ids.isValid(join.roomId()) || !Ids.isValid(join.userId())) {
            throw new Refusal(join.id(), RtcException.of(RtcError.INVALID_IDS));
        }
        verify(join.id(), join.token(), join.appId(), join.roomId(), join.userId());
        return rooms.computeIfAbsent(new RoomKey(join.appId(), join.roomId()),
                k -> new Room(k.appId(), k.roomId(), threads.newStrand(), settings, tokenTimers, this::retired));
    }

    private void retired(Room room) {
        rooms.remove(new RoomKey(room.appId, room.roomId), room);
    }

    private AccessToken verify(int id, String token, String appId, String roomId, String userId) {
        try {
            return verifier.verify(token, appId, roomId, userId, System.currentTimeMillis() / 1000);
        } catch (InvalidTokenException e) {
            throw new Refusal(id, RtcException.of(RtcError.TOKEN_REFUSED, e.problem().description()));
        }
    }

    // ---- on the room's strand ----------------------------------------------------------------------

    private void join(Connection c, Room room, ClientMessage.Join join) {
        try {
            if (c.isClosed() || c.member != null) {
                return;
            }
            // Verified again on the strand: time has passed, and the token's moments are timed from here.
            AccessToken token = verify(join.id(), join.token(), join.appId(), join.roomId(), join.userId());
            room.join(c, join, token);
        } catch (RtcException e) {
            throw new Refusal(join.id(), e);
        } finally {
            room.retireIfEmpty();
        }
    }

    private void dispatch(Connection c, Room room, ClientMessage message) {
        Member member = c.member;
        if (member == null || member.room != room) {
            throw new Refusal(requestId(message), RtcException.of(RtcError.BEFORE_JOIN, MessageCodec.typeName(message)));
        }
        try {
            if (message instanceof ClientMessage.Leave leave) {
                room.leave(member);
                c.send(new ServerMessage.Ack(leave.id()));
            } else if (message instanceof ClientMessage.Update update) {
                room.update(member, update.state());
                c.send(new ServerMessage.Ack(update.id()));
            } else if (message instanceof ClientMessage.Speaking speaking) {
                room.setSpeaking(member, speaking.speaking());
            } else if (message instanceof ClientMessage.Visibility visibility) {
                room.setVisible(member, visibility.visible());
                c.send(new ServerMessage.Ack(visibility.id()));
            } else if (message instanceof ClientMessage.UpdateToken update) {
                room.replaceToken(member, verify(update.id(), update.token(), room.appId, room.roomId, member.userId));
                c.send(new ServerMessage.Ack(update.id()));
            } else if (message instanceof ClientMessage.Relay relay) {
                room.relay(member, relay);
            }
        } catch (RtcException e) {
            throw new Refusal(requestId(message), e);
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

    // ---- inspection and shutdown -------------------------------------------------------------------

    /** Every room as its strand sees it; empty once the server stopped. */
    CompletableFuture<List<RoomSnapshot>> snapshot() {
        List<CompletableFuture<RoomSnapshot>> each = new ArrayList<>();
        if (!shuttingDown) {
            for (Room room : rooms.values()) {
                each.add(CompletableFuture.supplyAsync(room::snapshot, room.strand));
            }
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    Optional<RoomSnapshot> room(String appId, String roomId) {
        return snapshot().join().stream().filter(r -> r.appId().equals(appId) && r.roomId().equals(roomId)).findFirst();
    }

    /** Tells every client the server is going and closes their connections. */
    void shutdown() {
        shuttingDown = true;
        Collection<Connection> open = List.copyOf(connections.values());
        Frame notice = Frame.of(new ServerMessage.Shutdown("the room server is shutting down"));
        for (Connection c : open) {
            c.send(notice);
            c.close(1001, "server shutting down");
        }
        threads.shutdown();
    }
}
