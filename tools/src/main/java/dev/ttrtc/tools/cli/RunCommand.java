package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.media.MediaFactories;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.simulator.PageServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.simulator.RemoteRooms;
import dev.ttrtc.bridge.simulator.Simulator;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tt-host run}: runs a mini-program headless with a room server (embedded unless
 * {@code --server} names one) and the simulator page, prints its event log live, and optionally
 * adds Java participants (which the page can then steer).
 */
@Command(name = "run", description = "Run a mini-program project headless and print its event log.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR", description = "The mini-program (or mini-game) project folder.")
    Path project;

    @Option(names = "--page", description = "The page to open first (default: the app's launch page).")
    String page;

    @Option(names = "--query", paramLabel = "K=V&...", description = "The launch query.")
    String query;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long (10s, 2m); default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    @Option(names = "--server", paramLabel = "ws://HOST:PORT/signal", description = "Use this room server instead of an embedded one.")
    URI server;

    @Option(names = "--port", defaultValue = "0",
            description = "Port of the embedded room server and simulator page, or of the page alone with --server (0 = any free port).")
    int port;

    @Option(names = "--room", defaultValue = "demo-room", description = "The room id passed to the app. Default: ${DEFAULT-VALUE}.")
    String room;

    @Option(names = "--user", defaultValue = "me", description = "The user id passed to the app. Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--app-id", defaultValue = DevelopmentApp.APP_ID, description = "The RTC appId tokens are minted for.")
    String appId;

    @Option(names = "--app-key", defaultValue = DevelopmentApp.APP_KEY, description = "The key tokens are signed with.")
    String appKey;

    @Option(names = "--remote", paramLabel = "USER", description = "Add a Java participant that joins the room and publishes (repeatable).")
    List<String> remotes = new ArrayList<>();

    @Option(names = "--remote-script", paramLabel = "FILE", description = "Schedule remote participants: lines of '<at> <user> <action> [kind]'.")
    Path remoteScript;

    @Option(names = "--remote-talk", description = "Make the remote participants take turns talking (2 s each).")
    boolean remoteTalk;

    @Option(names = "--mic", defaultValue = "speech", paramLabel = "INPUT",
            description = "What the mini-program's microphone sends: speech, silence, tone:HZ, talk:SPEAK/PAUSE (2s/3s) or wav:FILE. Default: ${DEFAULT-VALUE}.")
    String mic;

    @Option(names = "--no-media", description = "Signalling-only mode: rooms without audio or video (for load experiments).")
    boolean noMedia;

    @Option(names = "--stats-every", converter = DurationConverter.class, defaultValue = "5s",
            description = "How often to print what the mini-program receives (0 = never). Default: ${DEFAULT-VALUE}.")
    Duration statsEvery;

    @Option(names = "--task-budget", converter = DurationConverter.class, defaultValue = "5s",
            description = "How long one JS task may run before it is interrupted. Default: ${DEFAULT-VALUE}.")
    Duration taskBudget;

    @Mixin
    AutomatorOption automator;

    private RemoteScript script;
    private MediaConfig media;

    @Override
    public Integer call() throws Exception {
        if (!Ids.isValid(room) || !Ids.isValid(user)) {
            throw new UserError("--room and --user must be " + RtcError.ID_RULE);
        }
        if (appId.length() != AccessToken.APP_ID_LENGTH) {
            throw new UserError("--app-id must be " + AccessToken.APP_ID_LENGTH + " characters");
        }
        for (String remote : remotes) {
            if (!Ids.isValid(remote)) {
                throw new UserError("--remote '" + remote + "' is not a valid user id");
            }
        }
        if (remotes.stream().distinct().count() != remotes.size() || remotes.contains(user)) {
            throw new UserError("--remote names must differ from each other and from --user");
        }
        script = remoteScript == null ? null : RemoteScript.read(remoteScript);
        if (script != null && script.users().contains(user)) {
            throw new UserError("--remote-script names " + user + ", the mini-program's own --user");
        }
        media = noMedia ? MediaConfig.SIGNALLING_ONLY : MediaConfig.DEFAULT.withMicrophone(Microphones.parse(mic));
        if (!noMedia) {
            MediaFactories.ensureAvailable();
        }
        EventPrinter printer = new EventPrinter(spec.commandLine().getOut(), json);
        try (Session session = new Session(printer)) {
            session.start();
            session.waitForEnd();
        }
        return 0;
    }

    /** How long each remote participant talks in its turn with --remote-talk. */
    private static final Duration TURN = Duration.ofSeconds(2);

    /** Everything one run starts, closed in reverse order. */
    private final class Session implements AutoCloseable {
        private final EventPrinter printer;
        private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tt-run-schedule");
            t.setDaemon(true);
            return t;
        });
        private final CountDownLatch end = new CountDownLatch(1);
        private final CountDownLatch closed = new CountDownLatch(1);
        private RoomServer embedded;
        private Simulator simulator;
        private PageServer pageServer;
        private MiniProgramHost host;
        private LaunchOptions launchOptions;
        private volatile MiniProgram program;
        private AutoCloseable following;
        private AutoCloseable automatorServer;
        private boolean stopping;
        private Thread shutdownHook;

        Session(EventPrinter printer) {
            this.printer = printer;
        }

        void start() throws LaunchException {
            URI signal = server;
            Supplier<List<RoomSnapshot>> rooms;
            if (signal == null) {
                embedded = Servers.start(RoomServer.builder().port(port).app(appId, appKey));
                signal = embedded.signalUri();
                rooms = embedded::rooms;
                printer.note("room server " + signal + " (appId " + appId + ")");
            } else {
                rooms = RemoteRooms.of(signal);
            }
            simulator = Simulator.builder(signal)
                    .rooms(rooms)
                    .app(appId, appKey)
                    .defaultRoom(room)
                    .remoteMedia(noMedia ? MediaConfig.SIGNALLING_ONLY : MediaConfig.DEFAULT)
                    .onRemoteAdded(p -> p.onEvent(printer::print))
                    .build();
            printer.note("simulator " + servePage(signal));
            host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(taskBudget));
            Map<String, String> launchQuery = new LinkedHashMap<>();
            launchQuery.put("roomId", room);
            launchQuery.put("userId", user);
            launchQuery.put("token", simulator.mintToken(room, user));
            launchQuery.putAll(LaunchOptions.parseQuery(query));
            launchOptions = LaunchOptions.builder(project)
                    .page(page)
                    .query(launchQuery)
                    .name("mp")
                    .extension(RtcSettings.class, RtcSettings.of(signal).withMedia(media))
                    .build();
            launch();
            automatorServer = automator.start(() -> program, printer::note);
            simulator.show(program, current -> relaunch());
            List<RemoteParticipant> all = new ArrayList<>();
            for (String remote : remotes) {
                all.add(simulator.addRemote(remote, room));
            }
            if (script != null) {
                script.users().stream().filter(u -> !remotes.contains(u)).forEach(u -> simulator.addRemote(u, room));
                scheduleScript();
            } else {
                for (int i = 0; i < all.size(); i++) {
                    RemoteParticipant p = all.get(i);
                    if (remoteTalk) {
                        // Turns: everyone starts silent; participant i starts talking 2 s after i-1.
                        p.silence();
                        scheduler.schedule(() -> p.talk(TURN, TURN.multipliedBy(Math.max(1, all.size() - 1))),
                                TURN.toMillis() * i, TimeUnit.MILLISECONDS);
                    }
                    p.startCapture(MediaKind.AUDIO);
                    p.startCapture(MediaKind.VIDEO);
                    p.join().exceptionally(e -> {
                        printer.note(p.userId() + " could not join: " + e.getMessage());
                        return null;
                    });
                }
            }
            if (!statsEvery.isZero()) {
                scheduler.scheduleWithFixedDelay(this::printStats, statsEvery.toMillis(), statsEvery.toMillis(), TimeUnit.MILLISECONDS);
            }
            // Ctrl-C: end the run, and hold the JVM's exit until everything is closed.
            shutdownHook = new Thread(() -> {
                end.countDown();
                try {
                    closed.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tt-run-interrupt");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            if (duration != null) {
                scheduler.schedule(end::countDown, duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /** Serves the simulator page: on the embedded room server, or on its own port next to an external one. */
        private URI servePage(URI signal) {
            if (embedded != null) {
                embedded.mount("/", simulator.handler());
                return simulator.pageUri(embedded.httpUri());
            }
            pageServer = Servers.bind(() -> PageServer.start(port, simulator.handler()));
            return simulator.pageUri(pageServer.uri());
        }

        private void launch() throws LaunchException {
            program = host.launch(launchOptions);
            following = printer.follow(program.id(), program.events());
        }

        /** The page's Relaunch button: a fresh instance of the same project, page and query. */
        private synchronized MiniProgram relaunch() throws LaunchException {
            if (stopping) {
                throw new IllegalStateException("the run is stopping");
            }
            closeQuietly(following);
            program.close();
            printer.note("relaunching " + project);
            launch();
            return program;
        }

        /** One line per member the mini-program receives media from. */
        private void printStats() {
            RtcRoom room = MiniProgramRtc.of(program).currentRoom();
            if (room == null) {
                return;
            }
            for (RoomMember member : room.members()) {
                if (member.local()) {
                    continue;
                }
                room.remoteMedia(member.userId()).ifPresent(remote -> remote.stats().thenAccept(s -> printer.note(String.format(
                        Locale.ROOT, "media from %s: audio %d packets %.0f dBov, video %d frames %.0f fps %dx%d, screen %d frames",
                        s.userId(), s.audio().packetsReceived(), s.audio().levelDbov(), s.camera().framesDecoded(),
                        s.camera().framesPerSecond(), s.camera().width(), s.camera().height(), s.screen().framesDecoded()))));
            }
        }

        private void scheduleScript() {
            for (RemoteScript.Step step : script.steps()) {
                RemoteParticipant p = simulator.remote(step.userId()).orElseThrow();
                scheduler.schedule(() -> perform(p, step), step.at().toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void perform(RemoteParticipant p, RemoteScript.Step step) {
            try {
                switch (step.action()) {
                    case JOIN -> p.join().join();
                    case LEAVE -> p.leave().join();
                    case DROP -> p.drop().join();
                    case PUBLISH -> {
                        for (MediaKind kind : step.kinds()) {
                            if (kind != MediaKind.SCREEN) {
                                p.startCapture(kind);
                            }
                            p.publish(kind).join();
                        }
                    }
                    case UNPUBLISH -> {
                        for (MediaKind kind : step.kinds()) {
                            p.unpublish(kind).join();
                        }
                    }
                    case TALK -> {
                        if (step.talk() == null) {
                            p.speak();
                        } else {
                            p.talk(step.talk()[0], step.talk()[1]);
                        }
                    }
                    case SILENCE -> p.silence();
                }
            } catch (RuntimeException e) {
                printer.note("script line " + step.line() + " (" + step.userId() + " " + step.action().name().toLowerCase()
                        + ") failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            }
        }

        /** Closes one part of the run; a failure of one part must not keep the others open. */
        private void closeQuietly(AutoCloseable part) {
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                printer.note("closing " + part.getClass().getSimpleName() + " failed: " + e.getMessage());
            }
        }

        void waitForEnd() throws InterruptedException {
            end.await();
        }

        @Override
        public void close() throws Exception {
            try {
                closeAll();
            } finally {
                closed.countDown();
            }
        }

        private synchronized void closeAll() {
            stopping = true;
            printer.note("stopping");
            scheduler.shutdownNow();
            closeQuietly(automatorServer);
            closeQuietly(simulator);
            MiniProgram last = program;
            if (last != null && !last.isClosed()) {
                try {
                    // Let the instance take in what the departures above told it before reporting.
                    last.evaluate("0").get(2, TimeUnit.SECONDS);
                    printer.note("final page data of " + last.route() + ": " + last.pageData());
                } catch (Exception e) {
                    printer.note("the mini-program did not answer at the end: " + e.getMessage());
                }
                last.close();
            }
            closeQuietly(following);
            closeQuietly(host);
            closeQuietly(pageServer);
            closeQuietly(embedded);
            if (shutdownHook != null && end.getCount() == 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is already exiting (Ctrl-C): nothing to remove.
                }
            }
        }
    }
}
