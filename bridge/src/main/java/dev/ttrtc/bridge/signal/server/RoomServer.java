package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.TokenVerifier;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The room server: signalling WebSockets at {@code /signal}, room inspection at
 * {@code /api/rooms}, and whatever HTTP handlers the embedder adds (the simulator page).
 *
 * <pre>{@code
 * RoomServer server = RoomServer.builder().port(0).build().start();
 * URI signal = server.signalUri();   // ws://127.0.0.1:PORT/signal
 * server.close();                    // tells every client, then stops
 * }</pre>
 */
public final class RoomServer implements AutoCloseable {
    public static final String SIGNAL_PATH = "/signal";

    private final String host;
    private final int requestedPort;
    private final Map<String, String> apps;
    private final ServerSettings settings;
    private final Map<String, HttpHandler> handlers;
    private final Set<String> origins;
    private SignalService service;
    private Undertow undertow;
    private PathHandler paths;
    private int port;

    private RoomServer(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.apps = Map.copyOf(b.apps);
        this.settings = b.settings;
        this.handlers = new LinkedHashMap<>(b.handlers);
        this.origins = Set.copyOf(b.origins);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; throws when the port is taken. */
    public synchronized RoomServer start() {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        service = new SignalService(new TokenVerifier(apps), settings, "tt-room-server");
        paths = Handlers.path()
                .addPrefixPath(SIGNAL_PATH, new OriginCheck(origins, Handlers.websocket(new SignalEndpoint(service))))
                .addExactPath("/api/rooms", LoopbackRequests.only(new RoomsApi(service)));
        handlers.forEach(paths::addPrefixPath);
        try {
            undertow = Undertow.builder()
                    .addHttpListener(requestedPort, host)
                    .setIoThreads(2)
                    .setWorkerThreads(4)
                    // A request must arrive whole in time (no half-sent headers holding sockets), and a
                    // connection without a request in progress is let go.
                    .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) settings.requestParseTimeout().toMillis())
                    .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, (int) settings.idleTimeout().toMillis())
                    .setHandler(paths)
                    .build();
            undertow.start();
        } catch (RuntimeException e) {
            service.shutdown();
            undertow = null;
            throw e;
        }
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return this;
    }

    public int port() {
        return port;
    }

    public URI signalUri() {
        return URI.create("ws://" + host + ":" + port + SIGNAL_PATH);
    }

    public URI httpUri() {
        return URI.create("http://" + host + ":" + port + "/");
    }

    /**
     * Serves {@code handler} under a path prefix of the running server, for pages that need the
     * server's address first (the simulator).
     */
    public synchronized void mount(String pathPrefix, HttpHandler handler) {
        if (paths == null) {
            throw new IllegalStateException("start the server first");
        }
        paths.addPrefixPath(pathPrefix, handler);
    }

    /** The appId/appKey pairs this server admits. */
    public Map<String, String> apps() {
        return apps;
    }

    public List<RoomSnapshot> rooms() {
        return service.snapshot().join();
    }

    public Optional<RoomSnapshot> room(String appId, String roomId) {
        return service.room(appId, roomId);
    }

    /** Tells every client the server is going, closes their connections and stops listening. */
    @Override
    public synchronized void close() {
        if (undertow == null) {
            return;
        }
        service.shutdown();
        undertow.stop();
        undertow = null;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final Map<String, String> apps = new LinkedHashMap<>(Map.of(DevelopmentApp.APP_ID, DevelopmentApp.APP_KEY));
        private ServerSettings settings = ServerSettings.defaults();
        private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        private final Set<String> origins = new LinkedHashSet<>();

        /** The address to listen on; 127.0.0.1 unless a test's own network namespace needs another. */
        public Builder host(String address) {
            this.host = address;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Admits tokens of this app; the development app is admitted unless removed. */
        public Builder app(String appId, String appKey) {
            apps.put(appId, appKey);
            return this;
        }

        public Builder withoutDevelopmentApp() {
            apps.remove(DevelopmentApp.APP_ID);
            return this;
        }

        public Builder settings(ServerSettings value) {
            this.settings = value;
            return this;
        }

        /**
         * Lets web pages of {@code origin} ({@code scheme://host[:port]}) open signalling
         * connections; pages of 127.0.0.1 and localhost always may, other pages never unless named.
         */
        public Builder allowOrigin(String origin) {
            origins.add(origin.trim().toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        /** Serves {@code handler} under a path prefix (for example the simulator page at "/"). */
        public Builder handler(String pathPrefix, HttpHandler handler) {
            handlers.put(pathPrefix, handler);
            return this;
        }

        public RoomServer build() {
            return new RoomServer(this);
        }
    }
}
