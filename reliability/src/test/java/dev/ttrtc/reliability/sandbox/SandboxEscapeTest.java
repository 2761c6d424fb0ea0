package dev.ttrtc.reliability.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue of escape attempts from mini-program JS. The attempts that run inside one
 * instance live in {@code fixtures/escape-app} (one test each); the ones that need two
 * instances or a closed one are the tests below. Every attempt must find nothing of the host.
 */
class SandboxEscapeTest {
    static final Path APP = Path.of("fixtures", "escape-app");
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicInteger ESCAPES = new AtomicInteger();

    static RoomServer server;
    static MiniProgramHost host;
    static final List<MiniProgram> launched = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = RoomServer.builder().port(0).build().start();
        host = MiniProgramHost.create();
    }

    @AfterAll
    static void stop() {
        launched.forEach(MiniProgram::close);
        host.close();
        server.close();
        Figures.record("Sandbox", "escape attempts from mini-program JS (host classes, reflection through exported objects, "
                + "Polyglot, load, files, processes, threads, environment, timers after close, prototype pollution, "
                + "callbacks after close)", ATTEMPTS.get(), ESCAPES.get());
    }

    static MiniProgram launch() throws Exception {
        MiniProgram app = host.launch(LaunchOptions.builder(APP)
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(MediaConfig.SIGNALLING_ONLY))
                .build());
        launched.add(app);
        return app;
    }

    static String token(String room, String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, 600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    /** Counts an attempt; fails the test with the evidence when it found something. */
    static void verdict(String attempt, String evidence) {
        ATTEMPTS.incrementAndGet();
        if (!evidence.isEmpty()) {
            ESCAPES.incrementAndGet();
        }
        assertEquals("", evidence, attempt + " escaped");
    }

    @TestFactory
    Stream<DynamicTest> attempts_inside_one_instance() throws Exception {
        MiniProgram app = launch();
        JsonNode names = app.callPageMethod("names", PageEvent.tap()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> list = new ArrayList<>();
        names.forEach(n -> list.add(n.asText()));
        assertTrue(list.size() >= 30, "the catalogue holds " + list.size() + " attempts");
        return list.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            PageEvent event = new PageEvent("tap", JsonNodeFactory.instance.objectNode().put("name", name), null);
            JsonNode result = app.callPageMethod("run", event).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            verdict(name, result.path("outcome").asText().equals("blocked") ? "" : result.path("evidence").asText("no verdict"));
        }));
    }

    @Test
    void timers_do_not_outlive_close() throws Exception {
        MiniProgram app = launch();
        app.evaluate("setInterval(() => console.log('tick'), 1); setTimeout(function again() { console.log('later'); "
                + "setTimeout(again, 0); }, 0); 1")
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        app.events().waitFor(e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().equals("later"), TIMEOUT);
        String loopThread = "tt-loop-" + app.id();
        app.close();
        long lastSeq = app.events().snapshot().get(app.events().snapshot().size() - 1).seq();
        awaitThreadGone(loopThread);
        String evidence = app.events().snapshot(e -> e.seq() > lastSeq).isEmpty() ? "" : "events after close: "
                + app.events().snapshot(e -> e.seq() > lastSeq);
        verdict("timers after close", evidence);
    }

    @Test
    void prototype_pollution_stays_in_its_instance() throws Exception {
        MiniProgram polluter = launch();
        MiniProgram other = launch();
        polluter.evaluate("Object.prototype.polluted = 'yes';"
                + " Object.defineProperty(Object.prototype, 'errMsg', { set() { throw new Error('trap'); }, get() { return 'trap'; } });"
                + " Array.prototype.push = () => { throw new Error('trap'); }; Function.prototype.call = null;"
                + " Promise.prototype.then = () => { throw new Error('trap'); }; JSON.stringify = () => 'broken';"
                + " JSON.parse = () => ({ broken: true }); tt.showToast = () => 'hijacked'; Object.getPrototypeOf(tt).extra = 1;"
                + " Error.prepareStackTrace = () => 'hijacked'; 1").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String seen = other.evaluate("[typeof ({}).polluted, ({}).errMsg, typeof [].push, typeof Function.prototype.call,"
                + " JSON.stringify({ a: 1 }), typeof tt.extra, String(new Error('x').stack).includes('hijacked')].join('|')")
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).asText();
        verdict("prototype pollution across instances",
                seen.equals("undefined||function|function|{\"a\":1}|undefined|false") ? "" : "the other instance sees " + seen);
        // The other instance's own APIs still answer as documented.
        JsonNode info = other.evaluate("new Promise((resolve) => tt.getSystemInfo({ success: (r) => resolve(r.errMsg) }))")
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        verdict("host APIs of a neighbour of a polluter", info.asText().equals("getSystemInfo:ok") ? "" : "getSystemInfo answered " + info);
    }

    @Test
    void callbacks_holding_host_objects_are_dropped_after_close() throws Exception {
        MiniProgram app = launch();
        app.evaluate("globalThis.kept = tt.createRtcRoomContext({ appId: '" + DevelopmentApp.APP_ID + "' });"
                + " kept.onRtcChatMembersChanged((r) => { globalThis.kept2 = kept; console.log('members ' + r.userIdList); });"
                + " new Promise((resolve, reject) => kept.joinRtcRoom({ roomId: 'held', userId: 'holder', token: '"
                + token("held", "holder") + "', success: resolve, fail: reject }))").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String id = app.id();
        app.close();
        long lastSeq = app.events().snapshot().get(app.events().snapshot().size() - 1).seq();
        try (RemoteParticipant visitor = new RemoteParticipant(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "visitor")
                .withMedia(MediaConfig.SIGNALLING_ONLY), "held", "visitor", token("held", "visitor"), RoomConfig.DEFAULT)) {
            visitor.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // The closed instance left the room: the visitor is alone, and nothing reached the closed instance.
            assertEquals(List.of("visitor"), server.room(DevelopmentApp.APP_ID, "held").orElseThrow().members().stream()
                    .map(m -> m.userId()).toList());
            visitor.leave().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        List<HostEvent> after = app.events().snapshot(e -> e.seq() > lastSeq);
        verdict("callbacks after close", after.isEmpty() && MiniProgramRtc.of(app).engines().isEmpty() ? "" : "after close: " + after);
        awaitThreadGone("tt-engine-" + id);
    }

    static void awaitThreadGone(String prefix) throws InterruptedException {
        Eventually.await("no thread " + prefix + "* after close()", TIMEOUT,
                () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix)));
    }
}
