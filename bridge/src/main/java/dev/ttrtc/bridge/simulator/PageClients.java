package dev.ttrtc.bridge.simulator;

import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator pages connected now. Thread-safe. */
final class PageClients {
    private final Set<WebSocketChannel> channels = ConcurrentHashMap.newKeySet();

    void add(WebSocketChannel channel) {
        channels.add(channel);
    }

    void remove(WebSocketChannel channel) {
        channels.remove(channel);
    }

    boolean isEmpty() {
        return channels.isEmpty();
    }

    void broadcast(String json) {
        for (WebSocketChannel channel : channels) {
            send(channel, json);
        }
    }

    static void send(WebSocketChannel channel, String json) {
        if (channel.isOpen()) {
            WebSockets.sendText(json, channel, null);
        }
    }

    /** Says goodbye to every page, from each channel's IO thread (Undertow closes safely only there). */
    void closeAll() {
        for (WebSocketChannel channel : channels) {
            channel.getIoThread().execute(() -> WebSockets.sendClose(1001, "simulator stopped", channel, null));
        }
        channels.clear();
    }
}
