package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.testkit.CallRecorder;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * A real HTTP and WebSocket server on 127.0.0.1 (a free port) for the network API tests. Every
 * request it receives is recorded; {@link #nextRequest()} takes the next one with a deadline.
 *
 * <ul>
 * <li>{@code /echo}: answers JSON {@code {method, path, query}} and records the request.
 * <li>{@code /status/N}: answers status N with a JSON body.
 * <li>{@code /text}, {@code /bytes}: a text/plain body that is not JSON; eight bytes 0..7.
 * <li>{@code /login}: sets the cookie {@code session=s1}.
 * <li>{@code /file.bin?size=N}: N bytes (i % 251) with a content-length, for downloads.
 * <li>{@link #hangUrl()}: a plain socket server on another port that reads a request and never
 *     answers; {@link #hangingOpened} counts down when a request arrives, {@link #hangingClosed}
 *     when the client closes that connection.
 * <li>{@code /upload}: parses multipart/form-data and answers JSON of its fields and files.
 * <li>{@code /ws}: a WebSocket echo; the text {@code close:CODE:REASON} makes the server close
 *     with that code; {@link #sockets} records each close frame it receives
 *     ({@code closeFrame(code, reason)}) and each socket whose connection ended ({@code closed}).
 * </ul>
 */
final class LocalServer implements AutoCloseable {
    /** One request as the server saw it. */
    record Received(String method, String path, String query, HeaderMap headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final CallRecorder requests = new CallRecorder("the requests the server received");
    final CallRecorder sockets = new CallRecorder("the /ws server's socket events");
    final CountDownLatch hangingOpened = new CountDownLatch(1);
    final CountDownLatch hangingClosed = new CountDownLatch(1);
    private final Undertow server;
    private final int port;
    private final ServerSocket hangServer;

    LocalServer() {
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(Handlers.path()
                        .addPrefixPath("/echo", this::echo)
                        .addPrefixPath("/status", this::status)
                        .addExactPath("/text", ex -> send(ex, 200, "text/plain; charset=utf-8", "plain words, not JSON"))
                        .addExactPath("/bytes", ex -> {
                            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
                            ex.getResponseSender().send(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}));
                        })
                        .addExactPath("/file.bin", this::file)
                        .addExactPath("/login", ex -> {
                            ex.getResponseHeaders().add(Headers.SET_COOKIE, "session=s1; Path=/");
                            send(ex, 200, "application/json", "{}");
                        })
                        .addExactPath("/upload", this::upload)
                        .addExactPath("/ws", Handlers.websocket((exchange, channel) -> {
                            channel.addCloseTask(c -> sockets.record("closed"));
                            channel.getReceiveSetter().set(new EchoListener());
                            channel.resumeReceives();
                        })))
                .build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        try {
            hangServer = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptHanging, "test-hang-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An address that takes requests and never answers. */
    String hangUrl() {
        return "http://127.0.0.1:" + hangServer.getLocalPort() + "/hang";
    }

    private void acceptHanging() {
        while (!hangServer.isClosed()) {
            try {
                Socket socket = hangServer.accept();
                Thread reader = new Thread(() -> holdOpen(socket), "test-hang-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // the server closed
            }
        }
    }

    /** Reads the request, then waits for the client to close the connection. */
    private void holdOpen(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            if (in.read(buffer) > 0) {
                hangingOpened.countDown();
            }
            while (in.read(buffer) >= 0) {
                // Drain anything more until the client goes.
            }
        } catch (IOException e) {
            // A reset counts as closed as well.
        }
        hangingClosed.countDown();
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The next request the server received (waits up to {@link CallRecorder#DEADLINE}). */
    Received nextRequest() throws InterruptedException {
        return (Received) requests.next().args().get(0);
    }

    private void echo(HttpServerExchange ex) {
        ex.getRequestReceiver().receiveFullBytes((e, body) -> {
            requests.record("request", new Received(e.getRequestMethod().toString(), e.getRequestPath(), e.getQueryString(),
                    e.getRequestHeaders(), body));
            ObjectNode answer = Waits.JSON.createObjectNode();
            answer.put("method", e.getRequestMethod().toString());
            answer.put("path", e.getRequestPath());
            answer.put("query", e.getQueryString());
            e.getResponseHeaders().put(new HttpString("X-Echo"), "yes");
            send(e, 200, "application/json", answer.toString());
        });
    }

    private void status(HttpServerExchange ex) {
        int code = Integer.parseInt(ex.getRelativePath().substring(1));
        send(ex, code, "application/json", "{\"status\":" + code + "}");
    }

    private void file(HttpServerExchange ex) {
        int size = Integer.parseInt(ex.getQueryParameters().get("size").getFirst());
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i % 251);
        }
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, size);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }

    private void upload(HttpServerExchange ex) throws IOException {
        if (ex.isInIoThread()) {
            ex.dispatch(this::upload);
            return;
        }
        ex.startBlocking();
        FormDataParser parser = FormParserFactory.builder().build().createParser(ex);
        FormData form = parser.parseBlocking();
        ObjectNode answer = Waits.JSON.createObjectNode();
        for (String name : form) {
            FormData.FormValue value = form.getFirst(name);
            if (value.isFileItem()) {
                ObjectNode file = answer.putObject(name);
                file.put("fileName", value.getFileName());
                file.put("contentType", value.getHeaders().getFirst(Headers.CONTENT_TYPE));
                try (InputStream in = value.getFileItem().getInputStream()) {
                    file.put("base64", Base64.getEncoder().encodeToString(in.readAllBytes()));
                }
            } else {
                answer.put(name, value.getValue());
            }
        }
        send(ex, 200, "application/json", answer.toString());
    }

    private static void send(HttpServerExchange ex, int status, String contentType, String body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        ex.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private final class EchoListener extends AbstractReceiveListener {
        @Override
        protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
            String text = message.getData();
            if (text.startsWith("close:")) {
                String[] parts = text.split(":", 3);
                WebSockets.sendClose(new CloseMessage(Integer.parseInt(parts[1]), parts[2]), channel, null);
                return;
            }
            WebSockets.sendText(text, channel, null);
        }

        @Override
        protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
            ByteBuffer[] data = message.getData().getResource();
            WebSockets.sendBinary(data, channel, null);
        }

        @Override
        protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message) throws IOException {
            ByteBuffer[] copies = Arrays.stream(message.getData().getResource()).map(ByteBuffer::duplicate)
                    .toArray(ByteBuffer[]::new);
            CloseMessage close = new CloseMessage(WebSockets.mergeBuffers(copies));
            sockets.record("closeFrame", close.getCode(), close.getReason());
            super.onFullCloseMessage(channel, message);
        }
    }

    @Override
    public void close() {
        server.stop();
        try {
            hangServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
