package dev.ttrtc.bridge.simulator;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * An HTTP server for the simulator page alone, for when the room server runs in another process
 * ({@code tt-host run --server ws://…}). With an embedded room server, mount the page there.
 */
public final class PageServer implements AutoCloseable {
    private final Undertow undertow;
    private final URI uri;

    private PageServer(Undertow undertow, URI uri) {
        this.undertow = undertow;
        this.uri = uri;
    }

    /** Listens on 127.0.0.1:{@code port} (0 = any free port); throws when the port is taken. */
    public static PageServer start(int port, HttpHandler handler) {
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setHandler(handler)
                .build();
        undertow.start();
        int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return new PageServer(undertow, URI.create("http://127.0.0.1:" + bound + "/"));
    }

    /** The page's address. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
