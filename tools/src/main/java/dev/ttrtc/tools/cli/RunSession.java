package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.simulator.PageServer;
import dev.ttrtc.bridge.simulator.RemoteRooms;
import dev.ttrtc.bridge.simulator.Simulator;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.UrlMapping;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Everything one {@code tt-host run} starts, closed in reverse order. The mini-program is launched
 * before anything is printed, so that a broken project ends the run with one line on stderr and
 * nothing on stdout.
 */
final class RunSession implements AutoCloseable {
    private final RunCommand run;
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
    private boolean launched;
    private AutoCloseable automatorServer;
    private boolean stopping;
    private Thread shutdownHook;

    RunSession(RunCommand run, EventPrinter printer) {
        this.run = run;
        this.printer = printer;
    }

    /**
     * Starts the servers and the mini-program.
     *
     * @return false when the launch page never loaded (the reason is printed)
     * @throws LaunchException when the project is broken (what its code logged before is printed, nothing else)
     */
    boolean start() throws LaunchException {
        URI signal = run.server;
        Supplier<List<RoomSnapshot>> rooms;
        if (signal == null) {
            embedded = Servers.start(RoomServer.builder().port(run.port).app(run.appId, run.appKey), run.port);
            embedded.mount(DevTokenEndpoint.PATH, new DevTokenEndpoint(run.appId, run.appKey));
            signal = embedded.signalUri();
            rooms = embedded::rooms;
            StartupTrace.mark("room server started");
        } else {
            rooms = RemoteRooms.of(signal);
        }
        simulator = Simulator.builder(signal)
                .rooms(rooms)
                .app(run.appId, run.appKey)
                .defaultRoom(run.room)
                .remoteMedia(run.noMedia ? MediaConfig.SIGNALLING_ONLY : MediaConfig.DEFAULT)
                .onRemoteAdded(p -> p.onEvent(printer::print))
                .build();
        StartupTrace.mark("simulator built");
        host = MiniProgramHost.create(run.hostOptions);
        StartupTrace.mark("host created");
        launchOptions = launchOptions(signal);
        awaitMedia();
        program = host.launch(launchOptions);
        StartupTrace.mark("launched");
        if (embedded != null) {
            printer.note("room server " + signal + " (appId " + run.appId + ")");
        }
        printer.note("simulator " + servePage(signal));
        if (!run.tokenUrls.isEmpty()) {
            printer.note("tokens for " + String.join(", ", run.tokenUrls) + " from " + tokenEndpoint());
        }
        launched = true;
        if (!launchPageLoaded()) {
            return false;
        }
        simulator.show(program, current -> relaunch());
        automatorServer = run.automator.start(() -> program, printer::note);
        new RemoteCast(simulator, scheduler, printer).start(run.remotes, run.remoteTalk, run.script, run.room);
        if (!run.statsEvery.isZero()) {
            scheduler.scheduleWithFixedDelay(this::printStats, run.statsEvery.toMillis(), run.statsEvery.toMillis(), TimeUnit.MILLISECONDS);
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
        if (run.duration != null) {
            scheduler.schedule(end::countDown, run.duration.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** The mini-program may join a room in App.onLaunch: its media must be loaded by then. */
    private void awaitMedia() {
        try {
            run.mediaReady.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private LaunchOptions launchOptions(URI signal) {
        Map<String, String> launchQuery = new LinkedHashMap<>();
        launchQuery.put("roomId", run.room);
        launchQuery.put("userId", run.user);
        launchQuery.put("token", simulator.mintToken(run.room, run.user));
        launchQuery.putAll(run.extraQuery);
        LaunchOptions.Builder builder = LaunchOptions.builder(run.project)
                .page(run.page)
                .query(launchQuery)
                .name("mp")
                // Live from the first event: the launch returns only once the first page shows.
                .onEvent(printer::print)
                .extension(RtcSettings.class, RtcSettings.of(signal).withMedia(run.media));
        for (String url : run.tokenUrls) {
            builder.mapUrl(UrlMapping.of(url, tokenEndpoint().toString()));
        }
        run.urlMappings.forEach(builder::mapUrl);
        return builder.build();
    }

    private URI tokenEndpoint() {
        return embedded.httpUri().resolve(DevTokenEndpoint.PATH.substring(1));
    }

    /** The instance is running and shows a page; otherwise says why, as the last line of the run. */
    private boolean launchPageLoaded() {
        if (!program.isClosed() && !program.route().isEmpty()) {
            return true;
        }
        printer.note("the launch page never loaded" + (program.isClosed() ? ": the instance was stopped" : ""));
        return false;
    }

    /** Serves the simulator page: on the embedded room server, or on its own port next to an external one. */
    private URI servePage(URI signal) {
        if (embedded != null) {
            embedded.mount("/", simulator.handler());
            return simulator.pageUri(embedded.httpUri());
        }
        pageServer = Servers.bind(run.port, "--port N", () -> PageServer.start(run.port, simulator.handler()));
        return simulator.pageUri(pageServer.uri());
    }

    /** The page's Relaunch button: a fresh instance of the same project, page and query. */
    private synchronized MiniProgram relaunch() throws LaunchException {
        if (stopping) {
            throw new IllegalStateException("the run is stopping");
        }
        program.close();
        printer.note("relaunching " + run.project);
        program = host.launch(launchOptions);
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
    public void close() {
        try {
            closeAll();
        } finally {
            closed.countDown();
        }
    }

    private synchronized void closeAll() {
        stopping = true;
        if (launched) {
            printer.note("stopping");
        }
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
                printer.note("the mini-program did not answer within 2 s at the end");
            }
            last.close();
        }
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
