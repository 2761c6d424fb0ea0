package dev.ttrtc.bridge.simulator;

import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator pages connected now. Thread-safe. */
final class PageClients {
    private final Map<WebSocketChannel, PageClient> clients = new ConcurrentHashMap<>();

    PageClient add(WebSocketChannel channel) {
        return clients.computeIfAbsent(channel, PageClient::new);
    }

    PageClient remove(WebSocketChannel channel) {
        return clients.remove(channel);
    }

    PageClient get(WebSocketChannel channel) {
        return clients.get(channel);
    }

    Collection<PageClient> all() {
        return List.copyOf(clients.values());
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    void broadcast(String json) {
        for (PageClient client : clients.values()) {
            client.send(json);
        }
    }

    /** Says goodbye to every page, from each channel's IO thread (Undertow closes safely only there). */
    void closeAll() {
        for (WebSocketChannel channel : clients.keySet()) {
            channel.getIoThread().execute(() -> WebSockets.sendClose(1001, "simulator stopped", channel, null));
        }
        clients.clear();
    }
}
