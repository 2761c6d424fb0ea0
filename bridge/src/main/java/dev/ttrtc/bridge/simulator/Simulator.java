package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.server.LoopbackRequests;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.PageEvent;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator web page: watch and steer rooms from a browser. Serves the page (from the class
 * path, nothing from the internet) and a WebSocket ({@code /sim}) through which the page gets the
 * rooms, the Java participants, what the shown mini-program sees (its members, page data, event
 * log and the video it decodes, as JPEG) and sends commands. The page can also join rooms itself
 * with the browser's own WebRTC, through the room server's {@code /signal}.
 *
 * <p>Embedding: build it with the room server's address, mount {@link #handler()} on an Undertow
 * server ({@code RoomServer.mount("/", simulator.handler())}), {@link #show} the instance to
 * watch, {@link #close()} at the end. The page's state is gathered every 250 ms and its commands
 * run on one thread, {@code tt-simulator}; everything sent to pages goes out from there.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMillis(250);
    /** Host rule: the page may run at most this many Java participants (a room holds 50 visible users). */
    static final int MAX_REMOTES = 50;

    /** Starts a fresh instance in place of the shown one (the page's Relaunch button). */
    @FunctionalInterface
    public interface Relauncher {
        MiniProgram relaunch(MiniProgram current) throws LaunchException;
    }

    private final URI signalUri;
    private final Supplier<List<RoomSnapshot>> rooms;
    private final String appId;
    private final String appKey;
    private final String defaultRoom;
    private final MediaConfig remoteMedia;
    private final Consumer<RemoteParticipant> onRemoteAdded;
    private final PageClients clients = new PageClients();
    private final PageKey key = new PageKey();
    private final FrameFeed frames;
    private final Map<String, RemoteParticipant> remotes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tt-simulator");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile MiniProgram shown;
    // Simulator thread only, from here on.
    private final PageMirrors mirrors = new PageMirrors();
    private final EventFeed events = new EventFeed();
    /** The last state sent, by message type, so only changes go out. */
    private final Map<String, String> lastSent = new HashMap<>();
    private Relauncher relauncher;

    private Simulator(Builder b) {
        this.signalUri = b.signalUri;
        this.rooms = b.rooms;
        this.appId = b.appId;
        this.appKey = b.appKey;
        this.defaultRoom = b.defaultRoom;
        this.remoteMedia = b.remoteMedia;
        this.onRemoteAdded = b.onRemoteAdded;
        this.frames = new FrameFeed(() -> shown, clients);
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Builder builder(URI signalUri) {
        return new Builder(signalUri);
    }

    /**
     * The page at {@code /} and its WebSocket at {@code /sim}, which answers only the page opened
     * at {@link #pageUri} (its key, a loopback Host and the page's own Origin); any other path is
     * an image or video of the shown instance's project ({@link ProjectMedia}), for this machine's
     * own pages only ({@link LoopbackRequests}).
     */
    public HttpHandler handler() {
        return Handlers.path()
                .addExactPath("/sim", key.guard(Handlers.websocket((exchange, channel) -> connected(channel))))
                .addPrefixPath("/", new ResourceHandler(
                        new ClassPathResourceManager(Simulator.class.getClassLoader(), "dev/ttrtc/bridge/simulator/web"),
                        LoopbackRequests.only(new ProjectMedia(() -> shown))).setWelcomeFiles("index.html"));
    }

    /** The page's address on the server at {@code base} ({@code http://127.0.0.1:port/}), with this run's key. */
    public URI pageUri(URI base) {
        return key.pageUri(base);
    }

    /** Pictures sent to the pages so far, per tile ({@code user/video}): for benchmarks and tests. */
    public Map<String, Long> framesSent() {
        return frames.sentCounts();
    }

    /**
     * Shows this instance on the page in place of the previous one; null shows none. The page's
     * Relaunch button calls {@code relaunch} (null: relaunching is not offered).
     */
    public void show(MiniProgram program, Relauncher relaunch) {
        run(() -> {
            events.follow(program);
            shown = program;
            relauncher = relaunch;
            lastSent.remove("instance");
            lastSent.remove("view");
            lastSent.remove("window");
            frames.clear();
            mirrors.show(program, clients.all());
            clients.broadcast(message("shown").put("instanceId", program == null ? null : program.id()).toString());
            clients.broadcast(events.backlogMessage());
        });
    }

    /**
     * A Java participant in {@code roomId} that the page can steer; it captures nothing and has
     * not joined yet. The simulator closes it when it is removed or the simulator closes.
     */
    public RemoteParticipant addRemote(String userId, String roomId) {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        if (!Ids.isValid(userId) || !Ids.isValid(roomId)) {
            throw new IllegalArgumentException("user and room ids must be " + RtcError.ID_RULE);
        }
        if (remotes.size() >= MAX_REMOTES) {
            throw new IllegalArgumentException("at most " + MAX_REMOTES + " Java participants");
        }
        boolean[] created = {false};
        RemoteParticipant participant = remotes.computeIfAbsent(userId, id -> {
            created[0] = true;
            return new RemoteParticipant(EngineConfig.of(signalUri, AppId.of(appId), id).withMedia(remoteMedia), roomId, id,
                    mintToken(roomId, id), RoomConfig.DEFAULT);
        });
        if (!created[0]) {
            throw new IllegalArgumentException(userId + " is already a participant here");
        }
        onRemoteAdded.accept(participant);
        return participant;
    }

    public List<RemoteParticipant> remotes() {
        return List.copyOf(remotes.values());
    }

    /** The participant of that user id added here, if any. */
    public Optional<RemoteParticipant> remote(String userId) {
        return Optional.ofNullable(remotes.get(userId));
    }

    void removeRemote(String userId) {
        RemoteParticipant participant = remotes.remove(userId);
        if (participant != null) {
            participant.close();
        }
    }

    /** A token of this simulator's app for that room and user, valid for a day, with the publish privilege. */
    public String mintToken(String roomId, String userId) {
        return AccessToken.issue(appId, roomId, userId, System.currentTimeMillis() / 1000, 24 * 3600, true).serialize(appKey);
    }

    /** Tells the pages when {@code action} fails later (a refused publish, a failed join). */
    void reportFailure(String action, CompletableFuture<?> outcome) {
        outcome.whenComplete((ok, e) -> {
            if (e != null) {
                String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                run(() -> clients.broadcast(error(action + ": " + why).toString()));
            }
        });
    }

    // ---- the page's socket ----------------------------------------------------------------------------

    private void connected(WebSocketChannel channel) {
        if (closed) {
            WebSockets.sendClose(1001, "simulator stopped", channel, null);
            return;
        }
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String text = message.getData();
                run(() -> command(ch, text));
            }
        });
        channel.resumeReceives();
        run(() -> greet(channel));
    }

    /** Adds a page and sends it everything it missed: from now on it gets the broadcasts. */
    private void greet(WebSocketChannel channel) {
        PageClient client = clients.add(channel);
        channel.addCloseTask(ch -> run(() -> mirrors.remove(clients.remove(ch))));
        ObjectNode hello = message("hello");
        hello.put("signalUrl", signalUri.toString());
        hello.put("appId", appId);
        hello.put("defaultRoom", defaultRoom);
        MiniProgram program = shown;
        hello.put("instanceId", program == null ? null : program.id());
        client.send(hello.toString());
        for (String state : lastSent.values()) {
            client.send(state);
        }
        client.send(events.backlogMessage());
        mirrors.add(client);
        frames.greet(client);
    }

    private void command(WebSocketChannel channel, String text) {
        PageClient client = clients.get(channel);
        if (client == null) {
            return;
        }
        JsonNode c;
        try {
            c = JSON.readTree(text);
        } catch (Exception e) {
            client.send(error("a command must be a JSON object").toString());
            return;
        }
        try {
            new SimulatorCommands(this).run(c, reply -> client.send(reply.toString()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            client.send(error(e.getMessage()).toString());
        } catch (RuntimeException e) {
            LOG.warn("simulator command {} failed", text, e);
            client.send(error("the command failed: " + e.getMessage()).toString());
        }
    }

    void callPageMethod(String method, PageEvent event) {
        reportFailure(method, shownProgram().callPageMethod(method, event));
    }

    /** The instance on the page; throws IllegalStateException when none is. */
    MiniProgram shownProgram() {
        MiniProgram program = shown;
        if (program == null || program.isClosed()) {
            throw new IllegalStateException("no mini-program is shown");
        }
        return program;
    }

    void relaunch() {
        MiniProgram current = shown;
        Relauncher relaunch = relauncher;
        if (current == null || relaunch == null) {
            throw new IllegalStateException("relaunching is not offered here");
        }
        try {
            show(relaunch.relaunch(current), relaunch);
        } catch (LaunchException e) {
            throw new IllegalStateException("relaunch failed: " + e.getMessage());
        }
    }

    static ObjectNode message(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    static ObjectNode error(String text) {
        return message("error").put("message", text);
    }

    /** Runs on the simulator thread; dropped once the simulator is closed. */
    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            // Closed: nobody is left to tell.
        }
    }

    // ---- pushing state ---------------------------------------------------------------------------------

    private void tick() {
        try {
            String batch = events.flush();
            if (batch != null) {
                clients.broadcast(batch);
            }
            if (clients.isEmpty()) {
                return;
            }
            sendIfChanged("rooms", SimulatorViews.rooms(rooms));
            sendIfChanged("remotes", SimulatorViews.remotes(remotes.values()));
            MiniProgram program = shown;
            if (program != null && !program.isClosed()) {
                sendIfChanged("instance", SimulatorViews.instance(program));
                sendIfChanged("window", SimulatorViews.window(program));
                sendIfChanged("view", SimulatorViews.view(program));
            }
            mirrors.resyncLost(clients.all());
        } catch (Throwable e) {
            // A periodic task that throws is never run again: the page would freeze without a word.
            // Even an OutOfMemoryError is survivable here (what it failed to build is garbage now).
            LOG.warn("simulator update failed", e);
        }
    }

    private void sendIfChanged(String key, ObjectNode message) {
        String text = message.toString();
        if (!text.equals(lastSent.get(key))) {
            lastSent.put(key, text);
            clients.broadcast(text);
        }
    }

    /** Stops the simulator thread, then closes the page connections and the Java participants made here. */
    @Override
    public void close() {
        closed = true;
        frames.close();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        events.stop();
        clients.closeAll();
        remotes.values().forEach(RemoteParticipant::close);
        remotes.clear();
    }

    public static final class Builder {
        private final URI signalUri;
        private Supplier<List<RoomSnapshot>> rooms = List::of;
        private String appId = DevelopmentApp.APP_ID;
        private String appKey = DevelopmentApp.APP_KEY;
        private String defaultRoom = "demo-room";
        private MediaConfig remoteMedia = MediaConfig.DEFAULT;
        private Consumer<RemoteParticipant> onRemoteAdded = p -> { };

        private Builder(URI signalUri) {
            this.signalUri = Objects.requireNonNull(signalUri, "signalUri");
        }

        /** Where the room list comes from (the server's {@code rooms()}, or {@link RemoteRooms}). */
        public Builder rooms(Supplier<List<RoomSnapshot>> source) {
            this.rooms = source;
            return this;
        }

        /** The app whose tokens the page mints for participants and the browser. */
        public Builder app(String id, String key) {
            this.appId = id;
            this.appKey = key;
            return this;
        }

        public Builder defaultRoom(String roomId) {
            this.defaultRoom = roomId;
            return this;
        }

        public Builder remoteMedia(MediaConfig media) {
            this.remoteMedia = media;
            return this;
        }

        /** Called for every participant added (by the page or by {@link #addRemote}), e.g. to log its events. */
        public Builder onRemoteAdded(Consumer<RemoteParticipant> listener) {
            this.onRemoteAdded = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Simulator build() {
            return new Simulator(this);
        }
    }
}
