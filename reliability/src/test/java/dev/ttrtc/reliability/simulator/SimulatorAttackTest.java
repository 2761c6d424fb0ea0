package dev.ttrtc.reliability.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.simulator.Simulator;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #15's attacks on the simulator: a stranger's page opening its socket (which mints
 * tokens) or reading {@code /api/rooms}, a page that never reads, errors thrown into the
 * periodic update, and page-method names every object has.
 */
class SimulatorAttackTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path project;
    RoomServer server;
    Simulator simulator;
    MiniProgramHost host;
    final List<AutoCloseable> opened = new ArrayList<>();

    void start(Supplier<List<RoomSnapshot>> rooms) {
        server = RoomServer.builder().port(0).build().start();
        simulator = Simulator.builder(server.signalUri()).rooms(rooms).remoteMedia(MediaConfig.SIGNALLING_ONLY).build();
        server.mount("/", simulator.handler());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (host != null) {
            host.close();
        }
        if (server != null) {
            server.close();
        }
    }

    String key() {
        return simulator.pageUri(server.httpUri()).getRawQuery();
    }

    @Test
    void strangers_can_neither_open_the_socket_nor_read_the_rooms() throws Exception {
        start(List::of);
        int port = server.port();
        String own = "127.0.0.1:" + port;
        String key = key();
        Map<String, Integer> expected = new LinkedHashMap<>();
        // What a stranger can send: no key, a wrong one, a foreign or missing Origin, a rebound Host.
        expected.put("/sim?" + key + " | Host " + own + " | no Origin", 403);
        expected.put("/sim?" + key + " | Host " + own + " | Origin http://evil.example", 403);
        expected.put("/sim?" + key + " | Host " + own + " | Origin null", 403);
        expected.put("/sim | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?key= | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?key=guess | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?" + key + "x | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?" + key.substring(0, key.length() - 1) + " | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?" + key.toUpperCase() + " | Host " + own + " | Origin http://" + own, 403);
        expected.put("/sim?" + key + " | Host evil.example:" + port + " | Origin http://evil.example:" + port, 403);
        expected.put("/sim?" + key + " | Host evil.example | Origin http://evil.example", 403);
        expected.put("/sim?" + key + " | Host 127.0.0.1:1 | Origin http://127.0.0.1:1", 403);
        expected.put("/sim?" + key + " | Host 127.0.0.2:" + port + " | Origin http://127.0.0.2:" + port, 403);
        expected.put("/api/rooms | Host evil.example:" + port + " | no Origin", 403);
        expected.put("/api/rooms | Host " + own + " | Origin http://evil.example", 403);
        expected.put("/api/rooms | Host " + own + " | no Origin | Sec-Fetch-Site cross-site", 403);
        expected.put("/api/rooms | no Host | no Origin", 400); // Undertow refuses HTTP/1.1 without a Host itself
        // The simulator's own page, and tools on this machine.
        expected.put("/sim?" + key + " | Host " + own + " | Origin http://" + own, 101);
        expected.put("/sim?" + key + " | Host localhost:" + port + " | Origin http://localhost:" + port, 101);
        expected.put("/api/rooms | Host " + own + " | no Origin", 200);
        expected.put("/api/rooms | Host localhost:" + port + " | Origin http://localhost:" + port, 200);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> attempt : expected.entrySet()) {
            int status = send(port, attempt.getKey());
            if (status != attempt.getValue()) {
                wrong.add(attempt.getKey() + " → " + status);
            }
        }
        Figures.record("Simulator", "requests from strangers' pages to /sim and /api/rooms (no key, wrong key, "
                + "foreign or missing Origin, DNS-rebound Host) and the own page's", expected.size(), wrong.size());
        assertEquals(List.of(), wrong);
    }

    /** {@code target | Host h | Origin o | Sec-Fetch-Site s}: "no X" leaves the header out. */
    private int send(int port, String attempt) throws Exception {
        String[] parts = attempt.split(" \\| ");
        Map<String, String> headers;
        String host = header(parts, "Host");
        String origin = header(parts, "Origin");
        if (parts[0].startsWith("/sim")) {
            headers = RawHttp.upgrade(host, origin);
        } else {
            headers = new LinkedHashMap<>();
            headers.put("Host", host);
            headers.put("Origin", origin);
        }
        headers.put("Sec-Fetch-Site", header(parts, "Sec-Fetch-Site"));
        try (RawHttp http = RawHttp.connect(port)) {
            return http.get(parts[0], headers);
        }
    }

    private static String header(String[] parts, String name) {
        for (String part : parts) {
            if (part.startsWith(name + " ")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void a_page_that_never_reads_costs_a_bounded_amount_and_is_told_what_it_missed() throws Exception {
        start(List::of);
        write("pages/a/a.js", """
                Page({
                  onLoad() { this.flood(0); },
                  flood(n) {
                    if (n >= getApp().rounds) { console.log('flood done'); return; }
                    console.log(n + ' ' + 'x'.repeat(100000));
                    setTimeout(() => this.flood(n + 1), 0);
                  }
                });
                """);
        write("app.js", "App({ rounds: 1500 });");
        write("app.json", "{\"pages\": [\"pages/a/a\"]}");
        host = MiniProgramHost.create(HostOptions.defaults().withEventLogCapacity(20));
        int port = server.port();
        RawHttp slow = RawHttp.connect(port);
        opened.add(slow);
        assertEquals(101, slow.get("/sim?" + key(), RawHttp.upgrade("127.0.0.1:" + port, "http://127.0.0.1:" + port)));
        long before = usedHeapAfterGc();

        MiniProgram flooder = host.launch(LaunchOptions.builder(project).build());
        opened.add(flooder);
        simulator.show(flooder, null);
        Eventually.await("the flood ended", TIMEOUT.multipliedBy(4), () -> flooder.events().snapshot().stream()
                .anyMatch(e -> e.text().equals("flood done")));
        // 1500 entries of 100 kB (150 MB) went to a page that read none of it.
        WebSocketRecorder healthy = WebSocketRecorder.open(socketUri(port), Map.of("Origin", "http://127.0.0.1:" + port));
        opened.add(healthy);
        JsonNode hello = healthy.nextOfType("hello");
        long grown = usedHeapAfterGc() - before;
        boolean told = slow.readUntil("\"type\":\"dropped\"", 64L << 20);

        Figures.record("Simulator", "150 MB of updates to a page socket that never reads (heap growth "
                + (grown >> 20) + " MB; bound 64 MB) and the page told what it missed", 2, (grown < (64L << 20) ? 0 : 1) + (told ? 0 : 1));
        assertEquals(flooder.id(), hello.path("instanceId").asText(), "a new page is served while the slow one hangs");
        assertTrue(grown < (64L << 20), "the heap grew by " + (grown >> 20) + " MB");
        assertTrue(told, "the slow page gets a dropped note when it reads again");
    }

    private URI socketUri(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/sim?" + key());
    }

    @Test
    void the_periodic_update_survives_every_throwable() throws Exception {
        List<Throwable> throwables = List.of(new OutOfMemoryError("thrown by the test"), new StackOverflowError(),
                new NoClassDefFoundError("thrown/by/the/Test"), new AssertionError("thrown by the test"),
                new ExceptionInInitializerError("thrown by the test"), new InternalError("thrown by the test"),
                new Error("thrown by the test"), new IllegalStateException("thrown by the test"));
        AtomicInteger calls = new AtomicInteger();
        // Odd calls throw one of the above; even ones answer with a message of their own, which the page must get.
        start(() -> {
            int call = calls.incrementAndGet();
            if (call % 2 == 1) {
                Throwable t = throwables.get((call / 2) % throwables.size());
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
            throw new IllegalArgumentException("answer " + call);
        });
        WebSocketRecorder page = WebSocketRecorder.open(socketUri(server.port()), Map.of("Origin", "http://127.0.0.1:" + server.port()));
        opened.add(page);
        int survived = 0;
        int target = throwables.size() * 2;
        while (survived < target) {
            JsonNode rooms = page.nextOfType("rooms");
            if (rooms.path("error").asText().contains("answer ")) {
                survived++;
            }
        }
        Figures.record("Simulator", "Errors and exceptions thrown into the periodic update (each followed by an update the page gets)",
                target, 0);
        assertTrue(calls.get() >= target * 2);
    }

    @Test
    void call_method_refuses_what_every_object_has() throws Exception {
        start(List::of);
        write("pages/a/a.js", "Page({ ping() { console.log('pinged'); } });");
        write("app.js", "App({});");
        write("app.json", "{\"pages\": [\"pages/a/a\"]}");
        host = MiniProgramHost.create();
        MiniProgram app = host.launch(LaunchOptions.builder(project).build());
        opened.add(app);
        simulator.show(app, null);
        WebSocketRecorder page = WebSocketRecorder.open(socketUri(server.port()), Map.of("Origin", "http://127.0.0.1:" + server.port()));
        opened.add(page);
        page.nextOfType("hello");
        List<String> names = List.of("constructor", "valueOf", "toString", "toLocaleString", "hasOwnProperty",
                "isPrototypeOf", "propertyIsEnumerable", "__proto__", "__defineGetter__", "__defineSetter__",
                "__lookupGetter__", "__lookupSetter__", "ping()", "ping.call", "", "a b", "x".repeat(200));
        List<String> wrong = new ArrayList<>();
        for (String name : names) {
            page.send("{\"cmd\":\"callMethod\",\"method\":" + WebSocketRecorder.JSON.writeValueAsString(name) + "}");
            String message = page.nextOfType("error").path("message").asText();
            boolean refused = message.equals("\"" + name + "\" is not a method of the page") || message.equals("callMethod needs method");
            // The embedder's way in refuses the same names.
            boolean alsoRefusedInJava;
            try {
                app.callPageMethod(name, new PageEvent("tap", null, null)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                alsoRefusedInJava = false;
            } catch (java.util.concurrent.ExecutionException e) {
                alsoRefusedInJava = true;
            }
            if (!refused || !alsoRefusedInJava) {
                wrong.add(name + ": " + message + (alsoRefusedInJava ? "" : " (callPageMethod ran it)"));
            }
        }
        page.send("{\"cmd\":\"callMethod\",\"method\":\"ping\"}");
        Eventually.await("the page's own method runs", TIMEOUT, () -> app.events().snapshot().stream().anyMatch(e -> e.text().equals("pinged")));
        Figures.record("Simulator", "callMethod with names every object has, or that are no identifier", names.size(), wrong.size());
        assertEquals(List.of(), wrong);
    }

    private void write(String file, String text) throws Exception {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
