package dev.ttrtc.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One host per test class (with its own compile cache); every instance a test launches is closed after it. */
abstract class HostTestBase {
    static MiniProgramHost host;

    @TempDir
    static Path compileCache;

    @TempDir
    Path dir;

    private final List<MiniProgram> launched = new ArrayList<>();

    /**
     * Tests assert behaviour, not speed: with both cores busy, starting an instance alone can take
     * longer than the default 5 s task budget, so these hosts allow 30 s (WatchdogTest tests budgets).
     */
    @BeforeAll
    static void startHost() {
        host = MiniProgramHost.create(HostOptions.defaults().withCompileCache(compileCache)
                .withTaskBudget(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @AfterEach
    void closeInstances() {
        launched.forEach(MiniProgram::close);
    }

    MiniProgram launch(Path project) throws LaunchException {
        return launch(LaunchOptions.builder(project));
    }

    MiniProgram launch(LaunchOptions.Builder options) throws LaunchException {
        MiniProgram program = host.launch(options.build());
        launched.add(program);
        return program;
    }

    /** Launches a one-page project whose page file is {@code pageSource}. */
    MiniProgram launchPage(String pageSource) throws LaunchException {
        return launch(ProjectFolder.in(dir).page("pages/index/index", pageSource).write());
    }
}
