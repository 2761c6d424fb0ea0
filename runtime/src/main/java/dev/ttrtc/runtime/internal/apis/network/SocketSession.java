package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsValues;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One {@code SocketTask}: a real WebSocket (JDK {@code java.net.http.WebSocket}) and its JS face
 * ({@code send}, {@code close}, {@code onOpen}/{@code onMessage}/{@code onError}/{@code onClose},
 * {@code readyState}). The JDK calls the listener on the client's worker threads, one call at a
 * time per socket; every event reaches JS through the instance's loop, in order, and
 * {@code onClose} is the last.
 */
final class SocketSession implements InstanceNetwork.Abortable, WebSocket.Listener {
    static final int CONNECTING = 0;
    static final int OPEN = 1;
    static final int CLOSING = 2;
    static final int CLOSED = 3;
    /** The close code for a connection that ended without a close frame (RFC 6455). */
    private static final int ABNORMAL_CLOSURE = 1006;
    /** Headers of the handshake itself, which the client writes. */
    private static final Set<String> HANDSHAKE_HEADERS = Set.of("host", "connection", "upgrade", "content-length", "expect");

    private final InstanceNetwork network;
    private final AtomicInteger readyState = new AtomicInteger(CONNECTING);
    private final AtomicBoolean closeReported = new AtomicBoolean();
    /**
     * The JDK's WebSocket takes one send at a time (a second one while the first is pending
     * fails): each send and the close wait for the one before. Loop thread only.
     */
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    /** The close() call waiting for its close frame to go out; answered before onClose in any case. */
    private final AtomicReference<ApiCall> pendingClose = new AtomicReference<>();
    private final JsEventChannel onOpen;
    private final JsEventChannel onMessage;
    private final JsEventChannel onError;
    private final JsEventChannel onClose;
    private final JsObject task;
    private volatile WebSocket socket;
    // Listener threads only (one at a time): the parts of a message that arrives in pieces.
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();

    SocketSession(InstanceContext instance, InstanceNetwork network) {
        this.network = network;
        onOpen = instance.newEventChannel("SocketTask.onOpen");
        onMessage = instance.newEventChannel("SocketTask.onMessage");
        onError = instance.newEventChannel("SocketTask.onError");
        onClose = instance.newEventChannel("SocketTask.onClose");
        task = instance.newObject("SocketTask")
                .value("CONNECTING", CONNECTING).value("OPEN", OPEN).value("CLOSING", CLOSING).value("CLOSED", CLOSED)
                .property("readyState", args -> readyState.get(), null)
                .async("send", this::send)
                .async("close", this::close)
                .event("onOpen", "offOpen", onOpen)
                .event("onMessage", "offMessage", onMessage)
                .event("onError", "offError", onError)
                .event("onClose", "offClose", onClose)
                .build();
    }

    JsObject task() {
        return task;
    }

    /**
     * Starts the opening handshake on a starter thread; the outcome arrives as onOpen, or onError
     * then onClose.
     *
     * @throws ApiException when a header is not one HTTP allows
     */
    void connect(URI url, Map<String, String> headers, List<String> protocols, Duration timeout) throws ApiException {
        Map<String, String> sent = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("sec-websocket-") && !HANDSHAKE_HEADERS.contains(lower)) {
                sent.put(name, value);
            }
        });
        try {
            HttpRequest.Builder check = HttpRequest.newBuilder(URI.create("http://check.invalid/"));
            sent.forEach(check::header);
        } catch (IllegalArgumentException e) {
            throw ApiException.parameter("params.header holds a name or value HTTP does not allow");
        }
        network.track(this);
        HttpTransport.start(() -> {
            if (readyState.get() == CLOSED) {
                return;
            }
            try {
                WebSocket.Builder builder = HttpTransport.client().newWebSocketBuilder().connectTimeout(timeout);
                sent.forEach(builder::header);
                if (!protocols.isEmpty()) {
                    builder.subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
                }
                builder.buildAsync(url, this).whenComplete((ws, failure) -> {
                    if (failure != null) {
                        ended(NetError.of(failure).detail());
                    } else if (readyState.get() == CLOSED) {
                        ws.abort(); // closed or released while connecting
                    }
                });
            } catch (IllegalArgumentException e) {
                ended("invalid header or protocol"); // a protocol name a handshake cannot carry
            }
        });
    }

    // ---- WebSocket.Listener (client worker threads) ---------------------------------------------

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        if (!readyState.compareAndSet(CONNECTING, OPEN)) {
            webSocket.abort();
            return;
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("header"); // the JDK does not expose the handshake's response headers
        payload.put("protocolType", webSocket.getSubprotocol());
        payload.put("socketType", "tradition");
        onOpen.emit(payload);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("data", textParts.toString());
            textParts.setLength(0);
            onMessage.emit(payload);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binaryParts.writeBytes(part);
        if (last) {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.set("data", JsValues.arrayBuffer(binaryParts.toByteArray()));
            binaryParts.reset();
            onMessage.emit(payload);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        // Returning completes the closing handshake: the JDK answers with the same code.
        closed(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended(NetError.of(error).detail());
    }

    // ---- SocketTask methods (loop thread) --------------------------------------------------------

    private void send(ApiCall call) throws ApiException {
        WebSocket ws = socket;
        if (readyState.get() != OPEN || ws == null) {
            throw NetError.SOCKET_NOT_OPEN.exception();
        }
        String kind = call.params().kindOf("data");
        CompletableFuture<WebSocket> sent;
        if (kind.equals("arraybuffer")) {
            ByteBuffer bytes = ByteBuffer.wrap(call.params().arrayBuffer("data"));
            sent = afterLastSend(() -> ws.sendBinary(bytes, true));
        } else if (kind.equals("string")) {
            String text = call.params().string("data");
            sent = afterLastSend(() -> ws.sendText(text, true));
        } else {
            throw ApiException.parameter("expect params.data to be string or ArrayBuffer, but got " + kind);
        }
        sent.whenComplete((w, failure) -> {
            if (failure == null) {
                call.succeed();
            } else {
                call.fail(NetError.of(failure).exception());
            }
        });
    }

    private void close(ApiCall call) throws ApiException {
        double code = call.params().optionalNumber("code").orElse(1000);
        String reason = call.params().optionalString("reason").orElse("");
        // The codes an application may send (RFC 6455 section 7.4).
        if (code != 1000 && (code != Math.floor(code) || code < 3000 || code > 4999)) {
            throw ApiException.parameter("code is invalid");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            throw ApiException.parameter("reason is invalid");
        }
        WebSocket ws = socket;
        if (readyState.compareAndSet(OPEN, CLOSING) && ws != null) {
            pendingClose.set(call);
            afterLastSend(() -> ws.sendClose((int) code, reason)).whenComplete((w, failure) -> answerPendingClose());
            return;
        }
        if (readyState.compareAndSet(CONNECTING, CLOSED)) {
            closed((int) code, reason); // never opened: the handshake's result is dropped
        }
        call.succeed(); // closing or closed already: nothing more to do
    }

    private CompletableFuture<WebSocket> afterLastSend(Supplier<CompletableFuture<WebSocket>> send) {
        lastSend = lastSend.handle((w, failure) -> null).thenCompose(ignored -> send.get());
        return lastSend;
    }

    // ---- ends --------------------------------------------------------------------------------

    /** The connection failed or broke: onError, then onClose with 1006. */
    private void ended(String detail) {
        if (closeReported.get()) {
            return;
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("errMsg", detail);
        onError.emit(error);
        closed(ABNORMAL_CLOSURE, detail);
    }

    /** Answers the close() call whose frame went out (or whose connection ended meanwhile). */
    private void answerPendingClose() {
        ApiCall call = pendingClose.getAndSet(null);
        if (call != null) {
            call.succeed();
        }
    }

    /**
     * Reports onClose once and forgets the socket. The server's close frame may arrive before
     * the JDK reports our own as sent: the close() call is answered first all the same, so that
     * its success never follows onClose.
     */
    private void closed(int code, String reason) {
        readyState.set(CLOSED);
        if (!closeReported.compareAndSet(false, true)) {
            return;
        }
        answerPendingClose();
        network.untrack(this);
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", code);
        payload.put("reason", reason);
        payload.put("errMsg", "close:ok");
        onClose.emit(payload);
    }

    @Override
    public void abort() {
        release();
    }

    @Override
    public void release() {
        readyState.set(CLOSED);
        closeReported.set(true);
        network.untrack(this);
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }
}
