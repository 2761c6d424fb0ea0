package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.PageEvent;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
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
 * watch, {@link #close()} at the end. State is pushed every 250 ms from one thread,
 * {@code tt-simulator}; commands run there too.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TICK = Duration.ofMillis(250);
    private static final int BACKLOG = 500;

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
    private final Map<String, RemoteParticipant> remotes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tt-simulator");
        t.setDaemon(true);
        return t;
    });
    private final FrameTiles tiles = new FrameTiles();
    private final ConcurrentLinkedQueue<HostEvent> pendingEvents = new ConcurrentLinkedQueue<>();
    // Simulator thread only.
    private final ArrayDeque<ObjectNode> backlog = new ArrayDeque<>();
    // Simulator thread only: the last state sent, by message type, so only changes go out.
    private final Map<String, String> lastSent = new HashMap<>();
    private volatile MiniProgram shown;
    private volatile Relauncher relauncher;
    private volatile AutoCloseable following;

    private Simulator(Builder b) {
        this.signalUri = b.signalUri;
        this.rooms = b.rooms;
        this.appId = b.appId;
        this.appKey = b.appKey;
        this.defaultRoom = b.defaultRoom;
        this.remoteMedia = b.remoteMedia;
        this.onRemoteAdded = b.onRemoteAdded;
        thread.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static Builder builder(URI signalUri) {
        return new Builder(signalUri);
    }

    /** The page at {@code /} and its WebSocket at {@code /sim}. */
    public HttpHandler handler() {
        return Handlers.path()
                .addExactPath("/sim", Handlers.websocket((exchange, channel) -> connected(channel)))
                .addPrefixPath("/", Handlers.resource(new ClassPathResourceManager(Simulator.class.getClassLoader(),
                        "dev/ttrtc/bridge/simulator/web")).setWelcomeFiles("index.html"));
    }

    /** Shows this instance on the page (replacing the previous one); null shows none. */
    public void show(MiniProgram program, Relauncher relaunch) {
        thread.execute(() -> {
            closeFollowing();
            shown = program;
            relauncher = relaunch;
            backlog.clear();
            lastSent.remove("instance");
            lastSent.remove("view");
            if (program != null) {
                program.events().snapshot().forEach(pendingEvents::add);
                following = program.events().subscribe(pendingEvents::add);
            }
            clients.broadcast(message("shown").put("instanceId", program == null ? null : program.id()).toString());
        });
    }

    /**
     * A Java participant in {@code roomId} that the page can steer; it captures nothing and has
     * not joined yet. The simulator closes it when it is removed or the simulator closes.
     */
    public RemoteParticipant addRemote(String userId, String roomId) {
        if (!Ids.isValid(userId) || !Ids.isValid(roomId)) {
            throw new IllegalArgumentException("user and room ids must be 1-128 characters of A-Z a-z 0-9 _ @ - .");
        }
        boolean[] created = {false};
        RemoteParticipant participant = remotes.computeIfAbsent(userId, id -> {
            created[0] = true;
            return new RemoteParticipant(EngineConfig.of(signalUri, appId, id).withMedia(remoteMedia), roomId, id,
                    token(roomId, id), RoomConfig.DEFAULT);
        });
        if (!created[0]) {
            throw new IllegalArgumentException(userId + " is already a participant here");
        }
        onRemoteAdded.accept(participant);
        return participant;
    }

    /** The participant's join, logged when it fails. */
    void joinRemote(RemoteParticipant participant) {
        participant.join().exceptionally(e -> {
            LOG.warn("{} could not join: {}", participant.userId(), e.getMessage());
            return null;
        });
    }

    public List<RemoteParticipant> remotes() {
        return List.copyOf(remotes.values());
    }

    void removeRemote(String userId) {
        RemoteParticipant participant = remotes.remove(userId);
        if (participant != null) {
            participant.close();
        }
    }

    String token(String roomId, String userId) {
        return AccessToken.issue(appId, roomId, userId, System.currentTimeMillis() / 1000, 24 * 3600, true).serialize(appKey);
    }

    // ---- the page's socket ----------------------------------------------------------------------------

    private void connected(WebSocketChannel channel) {
        clients.add(channel);
        channel.addCloseTask(clients::remove);
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String text = message.getData();
                thread.execute(() -> command(ch, text));
            }
        });
        channel.resumeReceives();
        thread.execute(() -> greet(channel));
    }

    private void greet(WebSocketChannel channel) {
        ObjectNode hello = message("hello");
        hello.put("signalUrl", signalUri.toString());
        hello.put("appId", appId);
        hello.put("defaultRoom", defaultRoom);
        MiniProgram program = shown;
        hello.put("instanceId", program == null ? null : program.id());
        PageClients.send(channel, hello.toString());
        for (String state : lastSent.values()) {
            PageClients.send(channel, state);
        }
        ObjectNode events = message("events");
        ArrayNode list = events.putArray("events");
        backlog.forEach(list::add);
        PageClients.send(channel, events.toString());
        tiles.resend(json -> PageClients.send(channel, json));
    }

    private void command(WebSocketChannel channel, String text) {
        JsonNode c;
        try {
            c = JSON.readTree(text);
        } catch (Exception e) {
            PageClients.send(channel, error("not JSON: " + text).toString());
            return;
        }
        try {
            new SimulatorCommands(this).run(c, reply -> PageClients.send(channel, reply.toString()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            PageClients.send(channel, error(e.getMessage()).toString());
        } catch (RuntimeException e) {
            LOG.warn("simulator command {} failed", text, e);
            PageClients.send(channel, error("the command failed: " + e).toString());
        }
    }

    MiniProgram shown() {
        return shown;
    }

    /** The participant of that user id added here, if any. */
    public Optional<RemoteParticipant> remote(String userId) {
        return Optional.ofNullable(remotes.get(userId));
    }

    void callPageMethod(String method, PageEvent event) {
        MiniProgram program = Objects.requireNonNull(shown, "no mini-program is shown");
        program.callPageMethod(method, event).exceptionally(e -> {
            clients.broadcast(error(method + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())).toString());
            return null;
        });
    }

    void relaunch() {
        MiniProgram current = shown;
        Relauncher relaunch = relauncher;
        if (current == null || relaunch == null) {
            throw new IllegalStateException("there is no mini-program to relaunch");
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

    // ---- pushing state ---------------------------------------------------------------------------------

    private void tick() {
        try {
            flushEvents();
            if (clients.isEmpty()) {
                return;
            }
            sendIfChanged("rooms", roomsMessage());
            sendIfChanged("remotes", remotesMessage());
            MiniProgram program = shown;
            if (program != null && !program.isClosed()) {
                sendIfChanged("instance", SimulatorViews.instance(program));
                sendIfChanged("view", SimulatorViews.view(program));
                tiles.update(program, clients::broadcast);
            }
        } catch (RuntimeException e) {
            LOG.warn("simulator update failed", e);
        }
    }

    private void flushEvents() {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (HostEvent event; (event = pendingEvents.poll()) != null; ) {
            ObjectNode json = event.toJson();
            backlog.addLast(json);
            if (backlog.size() > BACKLOG) {
                backlog.removeFirst();
            }
            batch.add(json);
        }
        if (!batch.isEmpty()) {
            ObjectNode events = message("events");
            events.set("events", batch);
            clients.broadcast(events.toString());
        }
    }

    private void sendIfChanged(String key, ObjectNode message) {
        String text = message.toString();
        if (!text.equals(lastSent.get(key))) {
            lastSent.put(key, text);
            clients.broadcast(text);
        }
    }

    private ObjectNode roomsMessage() {
        ObjectNode message = message("rooms");
        List<RoomSnapshot> snapshot;
        try {
            snapshot = rooms.get();
        } catch (RuntimeException e) {
            message.put("error", "the room server does not answer: " + e.getMessage());
            return message;
        }
        message.set("rooms", JSON.valueToTree(snapshot));
        return message;
    }

    private ObjectNode remotesMessage() {
        ObjectNode message = message("remotes");
        ArrayNode list = message.putArray("remotes");
        remotes.values().stream().sorted(Comparator.comparing(RemoteParticipant::userId)).forEach(p -> {
            ObjectNode r = list.addObject();
            r.put("userId", p.userId());
            r.put("roomId", p.roomId());
            r.put("joined", p.isJoined());
            r.put("talk", p.microphone());
            p.members().stream().filter(m -> m.local()).findFirst()
                    .ifPresent(self -> r.set("state", JSON.valueToTree(self.state())));
        });
        return message;
    }

    private void closeFollowing() {
        AutoCloseable current = following;
        following = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
    }

    /** Closes the page connections and the Java participants made here. */
    @Override
    public void close() {
        thread.shutdownNow();
        closeFollowing();
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

        /** Where the room list comes from (the server's {@code rooms()}, or its {@code /api/rooms}). */
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
