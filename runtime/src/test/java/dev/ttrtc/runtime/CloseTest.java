package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloseTest {
    @TempDir
    Path dir;

    private static List<String> loopThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("tt-loop-")).sorted().toList();
    }

    private Path tickingProject() {
        return ProjectFolder.in(dir).page("pages/index/index",
                "let n = 0;\nsetInterval(() => console.log('tick ' + (++n)), 5);\n"
                        + "setTimeout(() => console.log('late'), 60000);\n"
                        + "Page({ onUnload() { console.log('unloaded'); }, wait() { return new Promise(() => {}); } });").write();
    }

    @Test
    void close_unloads_pages_cancels_timers_and_ends_the_loop_thread() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram app = host.launch(LaunchOptions.builder(tickingProject()).name("closing").build());
            waitForConsole(app, "tick 3");
            assertEquals(List.of("tt-loop-closing-1"), loopThreads().stream().filter(n -> n.contains("closing")).toList());
            app.close();
            assertTrue(app.isClosed());
            long seqAtClose = app.events().lastSeq();
            assertTrue(app.events().snapshot().stream().anyMatch(e -> e.text().equals("unloaded")));
            assertEquals(List.of(), loopThreads().stream().filter(n -> n.contains("closing")).toList());
            assertEquals(seqAtClose, app.events().lastSeq(), "nothing ran after close");
        }
    }

    /** The closed-instance rule of {@link MiniProgram}: futures fail, actions without a result do nothing, nothing throws. */
    @Test
    void every_method_follows_one_rule_on_a_closed_instance() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram app = host.launch(LaunchOptions.builder(tickingProject()).build());
            waitForConsole(app, "tick 1");
            app.close();
            String closed = "instance " + app.id() + " is closed";
            List<CompletableFuture<?>> futures = List.of(app.callPageMethod("wait", PageEvent.tap()), app.evaluate("1"),
                    app.pullDownRefresh(), app.pageScroll(10), app.reachBottom(), app.tapTab(0), app.share());
            for (CompletableFuture<?> future : futures) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
                assertEquals(closed, e.getCause().getMessage());
            }
            long seq = app.events().lastSeq();
            app.hide();
            app.show();
            app.setNetworkType("none");
            app.close();
            assertEquals(seq, app.events().lastSeq(), "nothing ran after close");
            assertEquals("pages/index/index", app.route());
            assertThrows(IllegalArgumentException.class, () -> app.setNetworkType("carrier-pigeon"), "a wrong argument is still wrong");
        }
    }

    @Test
    void pending_calls_fail_when_the_instance_closes() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram app = host.launch(LaunchOptions.builder(tickingProject()).build());
            CompletableFuture<?> never = app.callPageMethod("wait", PageEvent.tap());
            waitForConsole(app, "tick 1");
            app.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> never.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }

    @Test
    void closing_the_host_closes_every_instance() throws Exception {
        MiniProgramHost host = MiniProgramHost.create();
        MiniProgram a = host.launch(LaunchOptions.builder(tickingProject()).name("many").build());
        MiniProgram b = host.launch(LaunchOptions.builder(tickingProject()).name("many").build());
        assertEquals(2, host.instances().size());
        assertTrue(!a.id().equals(b.id()));
        host.close();
        assertTrue(a.isClosed() && b.isClosed());
        assertEquals(List.of(), loopThreads().stream().filter(n -> n.contains("many")).toList());
    }

    @Test
    void an_instance_stuck_in_runaway_code_still_closes() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram app = host.launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index",
                    "Page({ spin() { for (;;) {} } });").write()).name("stuck").build());
            app.callPageMethod("spin", PageEvent.tap());
            app.close();
            assertEquals(List.of(), loopThreads().stream().filter(n -> n.contains("stuck")).toList());
        }
    }
}
