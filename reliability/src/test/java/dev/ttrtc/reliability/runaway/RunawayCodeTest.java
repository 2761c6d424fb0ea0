package dev.ttrtc.reliability.runaway;

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
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runaway mini-program code next to a calm instance in a room: each kind is stopped or answered
 * with a clear error within its budget, and the calm instance, the room server and its room carry
 * on. (Memory kept across many small tasks is {@link HeapGuardTest}'s, in a JVM of its own.)
 */
class RunawayCodeTest {
    static final Path APP = Path.of("fixtures", "runaway-app");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration TASK_BUDGET = Duration.ofSeconds(1);
    static final long ALLOCATION_BUDGET = 256L << 20;
    static final AtomicInteger SCENARIOS = new AtomicInteger();
    static final AtomicInteger FAILURES = new AtomicInteger();

    static RoomServer server;
    static MiniProgramHost host;
    static MiniProgram calm;
    static RemoteParticipant steady;
    static int visitors;

    @BeforeAll
    static void start() throws Exception {
        server = RoomServer.builder().port(0).build().start();
        // The JVM's first instance warms the shared engine up, which takes longer than the strict budget below.
        try (MiniProgramHost warmUp = MiniProgramHost.create()) {
            warmUp.launch(LaunchOptions.builder(APP).build()).close();
        }
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(TASK_BUDGET).withTaskAllocationBudget(ALLOCATION_BUDGET));
        calm = launch();
        call(calm, "join", room("calm", "calm-user"));
        steady = participant("calm", "steady");
        steady.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitMembers(calm, List.of("calm-user", "steady"));
    }

    @AfterAll
    static void stop() {
        if (steady != null) {
            steady.close();
        }
        if (host != null) {
            host.close();
        }
        server.close();
        Figures.record("Runaway code", "infinite loop, deep recursion, huge allocations (one task, at once, strings), microtask loop, "
                + "setTimeout(0) storm, handlers throwing on every event", SCENARIOS.get(), FAILURES.get());
    }

    /** Counts the scenario; a failure of the test body counts as a fault found. */
    @AfterEach
    void theNeighbourhoodCarriesOn() throws Exception {
        SCENARIOS.incrementAndGet();
        try {
            assertEquals("pong", call(calm, "ping", null).asText());
            assertEquals(List.of("calm-user", "steady"), server.room(DevelopmentApp.APP_ID, "calm").orElseThrow().members().stream()
                    .map(m -> m.userId()).toList());
            String visitor = "visitor" + (++visitors);
            try (RemoteParticipant p = participant("calm", visitor)) {
                p.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                awaitMembers(calm, List.of("calm-user", "steady", visitor));
            }
            awaitMembers(calm, List.of("calm-user", "steady"));
        } catch (Exception | AssertionError e) {
            FAILURES.incrementAndGet();
            throw e;
        }
    }

    /** The entry names the budget (a promise job interrupted between two lines has no location). */
    static final Pattern CLEAR_ERROR = Pattern.compile("(pages/index/index\\.js:\\d+:\\d+: )?(task ran longer than 1000 ms of CPU time and was interrupted"
            + "|task allocated more than 256 MB and was interrupted|Uncaught RangeError: .+)");

    /** Runs a runaway page method: the call fails, the error entry says why, the instance answers afterwards. */
    private static void runaway(String method) throws Exception {
        MiniProgram app = launch();
        try {
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> call(app, method, null));
            HostEvent error = app.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR, TIMEOUT);
            assertTrue(CLEAR_ERROR.matcher(error.text()).matches(), method + " reported: " + error.text() + " / " + failed.getCause());
            assertEquals("pong", call(app, "ping", null).asText());
            assertEquals(List.of(), app.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR && e.name().equals("internal")));
        } finally {
            app.close();
        }
    }

    @Test
    void an_infinite_loop_is_interrupted() throws Exception {
        runaway("spin");
    }

    @Test
    void deep_recursion_is_a_range_error() throws Exception {
        runaway("recurse");
    }

    @Test
    void a_task_allocating_without_end_is_interrupted() throws Exception {
        runaway("allocate");
    }

    @Test
    void a_two_billion_element_array_is_refused_or_interrupted() throws Exception {
        runaway("allocateAtOnce");
    }

    @Test
    void a_string_doubling_without_end_is_refused_or_interrupted() throws Exception {
        runaway("longString");
    }

    @Test
    void a_promise_loop_is_interrupted_and_the_instance_recovers_or_is_stopped() throws Exception {
        MiniProgram app = launch();
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> call(app, "microtasks", null));
        // The interrupt rejects the chain's promises (a storm of unhandled rejections), or the pending jobs
        // run again after the next task and are interrupted again (three strikes): either way the
        // instance ends up answering again or stopped with a reason.
        String outcome = "";
        for (int i = 0; i < 5 && outcome.isEmpty(); i++) {
            try {
                outcome = call(app, "ping", null).asText();
            } catch (ExecutionException interruptedOrClosed) {
                // A closed instance fails every call's future (MiniProgram's closed-instance rule); one being
                // stopped has reported it already.
                boolean stopped = app.isClosed() || !app.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR
                        && e.name().equals("stopped")).isEmpty();
                outcome = stopped ? "stopped" : "";
            }
        }
        if (outcome.equals("stopped")) {
            HostEvent stopped = app.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR && e.name().equals("stopped"), TIMEOUT);
            // The third way the host stops runaway code: an interrupt that does not land within 2 s (on a busy
            // machine the loop thread may not get a core in time).
            assertTrue(stopped.text().matches("instance stopped: (its tasks overran their budget 3 times within 30 s .*"
                    + "|more than 1000 uncaught errors within 10 s|a task .* and could not be interrupted within 2 s)"), stopped.text());
        } else {
            assertEquals("pong", outcome);
            app.close();
        }
    }

    @Test
    void a_set_timeout_storm_is_stopped_with_a_clear_error() throws Exception {
        MiniProgram app = launch();
        assertEquals("started", call(app, "timerStorm", null).asText());
        HostEvent limit = app.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR && e.text().contains("too many pending timers"), TIMEOUT);
        assertTrue(limit.text().endsWith("Uncaught RangeError: setTimeout: too many pending timers (at most 10000)"), limit.text());
        HostEvent stopped = app.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR && e.name().equals("stopped"), TIMEOUT);
        assertEquals("instance stopped: more than 1000 uncaught errors within 10 s", stopped.text());
        awaitClosed(app);
    }

    @Test
    void handlers_that_throw_on_every_event_are_reported_and_the_instance_carries_on() throws Exception {
        MiniProgram app = launch();
        try {
            call(app, "joinThrowing", room("noisy", "noisy-user"));
            for (int i = 0; i < 10; i++) {
                try (RemoteParticipant p = participant("noisy", "guest" + i)) {
                    p.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    p.leave().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            // The join's own list plus a join and a leave per guest: 21 member lists, each a reported error.
            Eventually.await("every throwing handler reported", TIMEOUT, () -> app.events()
                    .snapshot(e -> e.kind() == HostEvent.Kind.ERROR && e.text().contains("members handler broke")).size() >= 21);
            HostEvent first = app.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR).get(0);
            assertTrue(first.text().matches("pages/index/index\\.js:\\d+:\\d+: Uncaught Error: .* handler broke.*"), first.text());
            assertEquals("pong", call(app, "ping", null).asText());
            assertTrue(!app.isClosed());
        } finally {
            app.close();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static MiniProgram launch() throws Exception {
        return host.launch(LaunchOptions.builder(APP)
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(MediaConfig.SIGNALLING_ONLY))
                .build());
    }

    static JsonNode call(MiniProgram app, String method, JsonNode detail) throws Exception {
        return app.callPageMethod(method, new PageEvent("tap", detail, null)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static JsonNode room(String roomId, String userId) {
        return JsonNodeFactory.instance.objectNode().put("roomId", roomId).put("userId", userId).put("token", token(roomId, userId));
    }

    static String token(String roomId, String userId) {
        return AccessToken.issue(DevelopmentApp.APP_ID, roomId, userId, System.currentTimeMillis() / 1000, 3600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    static RemoteParticipant participant(String roomId, String userId) {
        return new RemoteParticipant(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), userId).withMedia(MediaConfig.SIGNALLING_ONLY),
                roomId, userId, token(roomId, userId), RoomConfig.DEFAULT);
    }

    static void awaitClosed(MiniProgram app) throws InterruptedException {
        Eventually.await("the stopped instance closed", TIMEOUT, app::isClosed);
    }

    static void awaitMembers(MiniProgram app, List<String> members) throws InterruptedException {
        String expected = JsonNodeFactory.instance.arrayNode().addAll(members.stream().map(JsonNodeFactory.instance::textNode).toList())
                .toString();
        Eventually.await("members becoming " + members, TIMEOUT, () -> app.pageData().path("members").toString(), expected::equals);
    }
}
