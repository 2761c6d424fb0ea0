package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up runs as one task per step, each under the task budget, and the budget is CPU time of
 * the loop thread: a busy machine (where the thread waits for a core) does not fail a launch; a
 * runaway file still does, and is named.
 */
class StartUpTest {
    private static final Duration BUDGET = Duration.ofMillis(400);

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    MiniProgramHost host;

    @BeforeEach
    void start() {
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(BUDGET).withCompileCache(cache));
        // The JVM's first context costs more than this budget while the engine warms up.
        try (MiniProgramHost warmUp = MiniProgramHost.create(HostOptions.defaults().withCompileCache(cache))) {
            warmUp.launch(LaunchOptions.builder(ProjectFolder.in(dir.resolve("warm")).page("pages/i/i", "Page({});").write())
                    .build()).close();
        } catch (LaunchException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private MiniProgram launch(Path project) throws LaunchException {
        return host.launch(LaunchOptions.builder(project).extension(LoopBlockingModule.Enabled.class,
                new LoopBlockingModule.Enabled()).build());
    }

    @Test
    void wall_time_the_loop_thread_spends_off_the_cpu_does_not_count() throws Exception {
        long blocked = BUDGET.toMillis() * 4;
        MiniProgram app = launch(ProjectFolder.in(dir)
                .app("tt.blockLoop(" + blocked + ");\nApp({});")
                .page("pages/index/index", "tt.blockLoop(" + blocked + ");\n"
                        + "Page({ data: { loaded: true }, wait() { return tt.blockLoop(" + blocked + "); },"
                        + " spin() { for (;;) {} } });")
                .write());
        assertEquals(json("{\"loaded\": true}"), app.pageData());
        assertEquals(blocked, get(app.callPageMethod("wait", PageEvent.tap())).asLong());
        assertEquals(List.of(), errors(app));

        // The same budget still stops code that uses the CPU.
        assertThrows(Exception.class, () -> get(app.callPageMethod("spin", PageEvent.tap())));
        String report = Waits.waitFor(app, e -> e.kind() == HostEvent.Kind.ERROR).text();
        assertTrue(report.matches("pages/index/index\\.js:2:\\d+: task ran longer than 400 ms of CPU time and was interrupted"),
                report);
    }

    @Test
    void each_file_of_start_up_has_its_own_budget() throws Exception {
        // Three files each using most of the budget: together well over it, each under it.
        String busy = "const until = Date.now() + " + (BUDGET.toMillis() * 3 / 5) + "; while (Date.now() < until) {}\n";
        MiniProgram app = launch(ProjectFolder.in(dir)
                .app(busy + "App({});")
                .page("pages/a/a", busy + "Page({ data: { page: 'a' } });")
                .page("pages/b/b", busy + "Page({});")
                .write());
        assertEquals(json("{\"page\": \"a\"}"), app.pageData());
    }

    @Test
    void a_runaway_module_at_start_up_fails_the_launch_naming_where_and_which_file_was_loading() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("utils/heavy.js", "exports.table = [];\nfor (let i = 0; ; i++) {\n  exports.table[i % 8] = i;\n}\n")
                .page("pages/room/room", "const heavy = require('../../utils/heavy');\nPage({});")
                .write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertTrue(e.getMessage().matches("utils/heavy\\.js:[23]:\\d+: ran longer than 400 ms of CPU time while loading "
                + "pages/room/room\\.js and was interrupted"), e.getMessage());
    }

    @Test
    void timers_set_while_loading_wait_until_start_up_is_over() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir)
                .app("setTimeout(() => console.log('timer'), 0);\nApp({ onLaunch() { console.log('onLaunch'); } });")
                .page("pages/a/a", "tt.blockLoop(50);\nconsole.log('page a');\nPage({ onLoad() { console.log('onLoad'); } });")
                .write());
        Waits.waitForConsole(app, "timer");
        assertEquals(List.of("page a", "onLaunch", "onLoad", "timer"), Waits.consoleLines(app));
    }
}
