package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.kind;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {
    @TempDir
    Path dir;

    MiniProgramHost host;

    @BeforeEach
    void start() {
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private MiniProgram launch(String name, String page) throws LaunchException {
        return host.launch(LaunchOptions.builder(ProjectFolder.in(dir.resolve(name)).page("pages/index/index", page).write()).build());
    }

    @Test
    void an_infinite_loop_is_interrupted_while_another_instance_keeps_running() throws Exception {
        MiniProgram runaway = launch("runaway", "Page({\n  spin() {\n    for (;;) {}\n  },\n  ping() { return 'pong'; } });");
        MiniProgram neighbour = launch("neighbour", "let n = 0;\nsetInterval(() => console.log('tick ' + (++n)), 20);\nPage({});");

        var spinning = runaway.callPageMethod("spin", PageEvent.tap());
        waitForConsole(neighbour, "tick 5");
        assertThrows(ExecutionException.class, () -> get(spinning));

        HostEvent report = waitFor(runaway, kind(HostEvent.Kind.ERROR, "watchdog"));
        assertEquals("pages/index/index.js:3:5: task ran longer than 300 ms of CPU time and was interrupted", report.text());
        assertEquals("pong", get(runaway.callPageMethod("ping", PageEvent.tap())).asText());
        waitForConsole(neighbour, "tick 10");
    }

    @Test
    void a_runaway_timer_is_interrupted_and_later_timers_still_fire() throws Exception {
        MiniProgram app = launch("timer", "setTimeout(() => { while (true) {} }, 0);\n"
                + "setTimeout(() => console.log('after'), 10);\nPage({});");
        waitFor(app, kind(HostEvent.Kind.ERROR, "watchdog"));
        waitForConsole(app, "after");
    }

    @Test
    void an_infinite_loop_while_loading_fails_the_launch() {
        LaunchException e = assertThrows(LaunchException.class, () -> launch("load", "while (true) {}\nPage({});"));
        assertEquals("pages/index/index.js:1:1: ran longer than 300 ms of CPU time while loading pages/index/index.js and was interrupted",
                e.getMessage());
    }

    @Test
    void deep_recursion_is_a_range_error_and_the_instance_stays_usable() throws Exception {
        MiniProgram app = launch("recursion", "Page({ deep() { const f = (n) => f(n + 1) + 1; return f(0); } });");
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(app.callPageMethod("deep", PageEvent.tap())));
        assertTrue(e.getCause().getMessage().contains("RangeError: Maximum call stack size exceeded"), e.getCause().getMessage());
        assertEquals(2, eval(app, "1 + 1").asInt());
    }

    @Test
    void a_task_that_allocates_too_much_is_interrupted_and_the_instance_stays_usable() throws Exception {
        try (MiniProgramHost frugal = MiniProgramHost.create(HostOptions.defaults().withTaskAllocationBudget(128L << 20))) {
            MiniProgram app = frugal.launch(LaunchOptions.builder(ProjectFolder.in(dir.resolve("hog"))
                    .page("pages/index/index", "Page({\n  hog() {\n    const kept = [];\n"
                            + "    for (;;) kept.push(new Array(100000).fill(1.5));\n  }\n});").write()).build());
            ExecutionException e = assertThrows(ExecutionException.class, () -> get(app.callPageMethod("hog", PageEvent.tap())));
            assertTrue(e.getCause().getMessage().contains("Execution got interrupted"), e.getCause().getMessage());
            HostEvent report = waitFor(app, kind(HostEvent.Kind.ERROR, "watchdog"));
            // The column is wherever the interrupt landed in line 4.
            assertTrue(report.text().matches("pages/index/index\\.js:4:\\d+: task allocated more than 128 MB and was interrupted"),
                    report.text());
            assertEquals(2, eval(app, "1 + 1").asInt());
        }
    }

    @Test
    void a_storm_of_uncaught_errors_stops_the_instance_with_a_reason() throws Exception {
        MiniProgram app = launch("storm", "function storm() { setTimeout(storm, 0); setTimeout(storm, 0); throw new Error('boom'); }\n"
                + "Page({ onLoad() { storm(); } });");
        HostEvent stopped = waitFor(app, kind(HostEvent.Kind.ERROR, "stopped"));
        assertEquals("instance stopped: more than 1000 uncaught errors within 10 s", stopped.text());
        Eventually.await("the stopped instance closed", Waits.TIMEOUT, app::isClosed);
    }

    /**
     * {@code String(3n ** 40000000n)} runs in Java (BigInteger) without checking for interrupts: it cannot be
     * interrupted or cancelled, so the instance is stopped, and its loop thread is stopped or abandoned with
     * its CPU use reported instead of keeping a core busy for a minute and more.
     */
    @Test
    void a_built_in_that_outruns_the_watchdog_is_stopped_and_its_thread_does_not_keep_running() throws Exception {
        MiniProgram app = launch("bigint", "Page({ huge() { return String(3n ** 40000000n).length; } });");
        app.callPageMethod("huge", PageEvent.tap());
        HostEvent stopped = app.events().waitFor(kind(HostEvent.Kind.ERROR, "stopped"), Duration.ofMinutes(2));
        assertTrue(stopped.text().startsWith("instance stopped: a task ran longer than 300 ms of CPU time and could not be interrupted"),
                stopped.text());
        HostEvent abandoned = app.events().waitFor(kind(HostEvent.Kind.ERROR, "abandoned"), Duration.ofMinutes(2));
        assertTrue(abandoned.text().matches("the loop thread tt-loop-\\S+ did not respond to interrupts or cancellation \\(it had used \\d+ ms"
                + " of CPU time; .*\\); it was (stopped|abandoned and runs on until the built-in returns)"), abandoned.text());
        assertTrue(app.isClosed());
        if (abandoned.text().endsWith("it was stopped")) {
            String thread = "tt-loop-" + app.id();
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(thread)), "the loop thread ended");
        }
    }
}
