package dev.ttrtc.bench.relay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sender and a receiver in a room of their own, on raw signalling connections: the sender
 * relays messages to the receiver, which counts them and, from the send time each carries,
 * measures how long the relay took. Same JVM, so {@link System#nanoTime()} is comparable.
 */
final class RelayPair implements AutoCloseable {
    /** The target size of one relay message on the wire, as the task asks (~200 bytes of JSON). */
    static final int MESSAGE_BYTES = 200;

    private final SignalConnection sender;
    private final SignalConnection receiver;
    private final String padding;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
    private volatile boolean recordLatency;
    private volatile long lastReceivedNanos;
    private long sent;

    private RelayPair(SignalConnection sender, SignalConnection receiver) {
        this.sender = sender;
        this.receiver = receiver;
        this.padding = padding();
    }

    /** Opens both connections and joins both members to {@code roomId}. */
    static RelayPair open(URI server, String roomId) throws Exception {
        Counter senderSide = new Counter();
        Counter receiverSide = new Counter();
        SignalConnection a = SignalConnection.open(server, senderSide, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        SignalConnection b = SignalConnection.open(server, receiverSide, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        RelayPair pair = new RelayPair(a, b);
        senderSide.pair = pair;
        receiverSide.pair = pair;
        join(a, roomId, "sender");
        join(b, roomId, "receiver");
        return pair;
    }

    private static void join(SignalConnection connection, String roomId, String userId) throws Exception {
        connection.request(id -> new ClientMessage.Join(id, DevelopmentApp.APP_ID, roomId, userId, Tokens.of(roomId, userId),
                true, MediaState.NONE, null)).get(10, TimeUnit.SECONDS);
    }

    /** Sends one relay message carrying its send time. Called from one thread. */
    void send() {
        sender.send(message(sent++, padding));
    }

    /** A relay message to the receiver: sequence number, send time, padding. */
    private static ClientMessage.Relay message(long seq, String pad) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("kind", "bench");
        data.put("seq", seq);
        data.put("t", System.nanoTime());
        data.put("pad", pad);
        return new ClientMessage.Relay("receiver", data);
    }

    long sent() {
        return sent;
    }

    long received() {
        return received.get();
    }

    long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Messages the server refused as over the rate limit. */
    long refused() {
        return refused.get();
    }

    void recordLatency(boolean on) {
        recordLatency = on;
    }

    ConcurrentLinkedQueue<Double> latencies() {
        return latencies;
    }

    /** Pads the payload so that the whole message on the wire is about {@link #MESSAGE_BYTES}. */
    private static String padding() {
        int size = MessageCodec.write(message(100_000L, "")).length();
        return "x".repeat(Math.max(0, MESSAGE_BYTES - size));
    }

    /** The size of one message on the wire (a typical sequence number). */
    static int messageBytes() {
        return MessageCodec.write(message(100_000L, padding())).length();
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    /** Both connections' listener (JDK WebSocket threads, one message at a time per connection). */
    private static final class Counter implements SignalConnection.Listener {
        volatile RelayPair pair;

        @Override
        public void onMessage(SignalConnection connection, ServerMessage message) {
            RelayPair p = pair;
            if (p == null) {
                return;
            }
            if (message instanceof ServerMessage.Relayed relayed) {
                long now = System.nanoTime();
                p.received.incrementAndGet();
                p.lastReceivedNanos = now;
                if (p.recordLatency) {
                    p.latencies.add((now - relayed.data().path("t").asLong()) / 1e6);
                }
            } else if (message instanceof ServerMessage.Error error && error.code() == RtcError.RATE_LIMITED.code()) {
                p.refused.incrementAndGet();
            }
        }

        @Override
        public void onLost(SignalConnection connection, String reason) {
            System.err.println("bench: a relay connection was lost: " + reason);
        }
    }
}
