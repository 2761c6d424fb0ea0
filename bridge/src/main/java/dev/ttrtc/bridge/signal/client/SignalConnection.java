package dev.ttrtc.bridge.signal.client;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLException;

/**
 * One WebSocket to the room server: sends messages in order, matches answers to requests, and
 * keeps the link alive with pings every 500 ms, giving up on a server silent for 3 s.
 *
 * <p>The listener is called for every message that is not the answer to a request, and once,
 * last, when the connection ends for any reason other than {@link #close()}. Calls come from the
 * JDK's WebSocket threads, one at a time.
 */
public final class SignalConnection implements AutoCloseable {
    static final Duration PING_INTERVAL = Duration.ofMillis(500);
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newCachedThreadPool(daemon("tt-signal-io")))
            .build();
    private static final ScheduledExecutorService HEARTBEAT =
            Executors.newSingleThreadScheduledExecutor(daemon("tt-signal-heartbeat"));

    /** Receives what the server says. */
    public interface Listener {
        void onMessage(SignalConnection connection, ServerMessage message);

        /** The connection ended without {@link #close()}: the server closed it, or it went silent. */
        void onLost(SignalConnection connection, String reason);
    }

    private final Listener listener;
    private final Map<Integer, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile long lastHeardNanos = System.nanoTime();
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> heartbeat;

    private SignalConnection(Listener listener) {
        this.listener = listener;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Connects; fails with {@link RtcException} JOIN_FAILED naming the server when it cannot. */
    public static CompletableFuture<SignalConnection> open(URI server, Listener listener, Duration connectTimeout) {
        SignalConnection connection = new SignalConnection(listener);
        return HTTP.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .buildAsync(server, connection.new Receiver())
                .handle((ws, error) -> {
                    if (error != null) {
                        throw RtcException.of(RtcError.UNREACHABLE, server, whyUnreachable(error));
                    }
                    connection.socket = ws;
                    connection.lastHeardNanos = System.nanoTime();
                    connection.heartbeat = HEARTBEAT.scheduleWithFixedDelay(connection::beat,
                            PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                    return connection;
                });
    }

    /** Why a connection failed, in words for the mini-program: never an exception's class name or Java's own text. */
    static String whyUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return "it did not answer in time";
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "its host name does not resolve";
            }
            if (t instanceof WebSocketHandshakeException handshake) {
                return "it answered HTTP " + handshake.getResponse().statusCode() + ", not a WebSocket room server";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake failed";
            }
            if (t instanceof ConnectException) {
                return "the connection was refused (is the room server running on that port?)";
            }
        }
        return "the connection failed";
    }

    /** Sends a message that expects no answer. */
    public void send(ClientMessage message) {
        String text = MessageCodec.write(message);
        synchronized (this) {
            if (ended.get()) {
                return;
            }
            sendChain = sendChain.thenCompose(v -> socket.sendText(text, true))
                    .exceptionally(e -> null);
        }
    }

    /**
     * Sends a request built with a fresh id; completes with the answer ({@code joined} or
     * {@code ack}), or fails with the server's error as an {@link RtcException}, or with
     * CONNECTION_LOST when the connection ends first.
     */
    public CompletableFuture<ServerMessage> request(IntFunction<ClientMessage> build) {
        int id = nextId.getAndIncrement();
        CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
        pending.put(id, answer);
        answer.whenComplete((m, e) -> pending.remove(id));
        if (ended.get()) {
            answer.completeExceptionally(RtcException.of(RtcError.CONNECTION_LOST));
            return answer;
        }
        send(build.apply(id));
        return answer.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return !ended.get();
    }

    /** Closes normally; the listener hears nothing more. */
    @Override
    public void close() {
        if (end()) {
            WebSocket ws = socket;
            synchronized (this) {
                sendChain.thenCompose(v -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                        .orTimeout(2, TimeUnit.SECONDS)
                        .whenComplete((v, e) -> ws.abort());
            }
        }
    }

    /** Drops the connection without a goodbye, as a crashed client would; the listener hears nothing. */
    public void abort() {
        if (end()) {
            socket.abort();
        }
    }

    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        RtcException lost = RtcException.of(RtcError.CONNECTION_LOST);
        pending.values().forEach(f -> f.completeExceptionally(lost));
        return true;
    }

    private void lost(String reason) {
        if (end()) {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
            listener.onLost(this, reason);
        }
    }

    private void beat() {
        if (System.nanoTime() - lastHeardNanos > SILENCE_LIMIT.toNanos()) {
            lost("the room server did not answer for " + SILENCE_LIMIT.toMillis() + " ms");
            return;
        }
        send(new ClientMessage.Ping());
    }

    private void deliver(String text) {
        ServerMessage message;
        try {
            message = MessageCodec.readServer(text);
        } catch (RtcException e) {
            lost("the room server sent an unreadable message: " + e.detail());
            return;
        }
        int answerTo = answerId(message);
        CompletableFuture<ServerMessage> waiting = answerTo == 0 ? null : pending.get(answerTo);
        if (waiting != null) {
            if (message instanceof ServerMessage.Error error) {
                RtcError code = RtcError.ofCode(error.code());
                waiting.completeExceptionally(new RtcException(code == null ? RtcError.JOIN_FAILED : code, error.message()));
            } else {
                waiting.complete(message);
            }
            return;
        }
        if (!(message instanceof ServerMessage.Pong)) {
            listener.onMessage(this, message);
        }
    }

    private static int answerId(ServerMessage message) {
        if (message instanceof ServerMessage.Joined m) {
            return m.id();
        } else if (message instanceof ServerMessage.Ack m) {
            return m.id();
        } else if (message instanceof ServerMessage.Error m) {
            return m.id();
        }
        return 0;
    }

    /** The JDK calls these one at a time. */
    private final class Receiver implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (!ended.get()) {
                    deliver(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost("the room server closed the connection (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("connection error: " + error);
        }
    }
}
