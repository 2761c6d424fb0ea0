package dev.ttrtc.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.xnio.IoUtils;

/**
 * A WebSocket proxy between one participant and the room server, on 127.0.0.1. It passes every
 * message through, except that ICE candidates in relayed {@code signal} data (both ways) get
 * their port replaced by a {@link UdpRelay} port, so that the participant's media to and from
 * anyone runs through the relay. {@link #dropConnections()} cuts the signalling connections as a
 * network would, without a close frame.
 */
final class SignalTap implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI server;
    private final UdpRelay relay;
    private final Undertow undertow;
    private final Set<Runnable> cutters = ConcurrentHashMap.newKeySet();
    private final int port;

    SignalTap(URI server, UdpRelay relay) {
        this.server = server;
        this.relay = relay;
        this.undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(1)
                .setHandler(Handlers.websocket((exchange, channel) -> connect(channel))).build();
        undertow.start();
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Where the participant connects instead of the room server. */
    URI signalUri() {
        return URI.create("ws://127.0.0.1:" + port + "/signal");
    }

    /** Cuts every signalling connection open now, without a close frame on either side. */
    void dropConnections() {
        cutters.forEach(Runnable::run);
    }

    private void connect(WebSocketChannel client) {
        CompletableFuture<WebSocket> upstream = HTTP.newWebSocketBuilder().buildAsync(server, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    WebSockets.sendText(rewrite(partial.toString()), client, null);
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                WebSockets.sendClose(statusCode, reason, client, null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                IoUtils.safeClose(client);
            }
        });
        // The JDK allows one send at a time: chain them, in order.
        CompletableFuture<?>[] chain = {upstream};
        Runnable cut = () -> {
            IoUtils.safeClose(client);
            upstream.thenAccept(WebSocket::abort);
        };
        cutters.add(cut);
        client.addCloseTask(ch -> {
            cutters.remove(cut);
            upstream.thenAccept(WebSocket::abort);
        });
        client.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String text = rewrite(message.getData());
                synchronized (chain) {
                    chain[0] = chain[0].thenCompose(v -> upstream.join().sendText(text, true));
                }
            }
        });
        client.resumeReceives();
    }

    /** A candidate's port replaced by the relay's, in {@code signal} messages; anything else as is. */
    private String rewrite(String text) {
        if (!text.contains("\"candidate\"")) {
            return text;
        }
        try {
            JsonNode message = JSON.readTree(text);
            JsonNode data = message.path("data");
            if (!message.path("type").asText().equals("signal") || !data.path("media").asText().equals("candidate")) {
                return text;
            }
            String[] fields = data.path("candidate").asText().split(" ");
            if (fields.length > 5 && fields[4].equals("127.0.0.1")) {
                fields[5] = String.valueOf(relay.portFor(new InetSocketAddress("127.0.0.1", Integer.parseInt(fields[5]))));
                ((ObjectNode) data).put("candidate", String.join(" ", fields));
            }
            return message.toString();
        } catch (IOException e) {
            return text;
        }
    }

    @Override
    public void close() {
        dropConnections();
        undertow.stop();
    }
}
