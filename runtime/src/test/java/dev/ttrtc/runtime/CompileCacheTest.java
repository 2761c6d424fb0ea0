package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiled files are kept by content: an unchanged file is compiled once, across hosts and processes. */
class CompileCacheTest {
    /** The ts-app fixture's files that need compiling: four .ts modules and the .ts page (about.js is CommonJS). */
    private static final int TS_APP_COMPILED = 5;

    @TempDir
    Path cache;

    @TempDir
    Path dir;

    @Test
    void a_second_launch_compiles_nothing_and_takes_every_file_from_the_cache() throws Exception {
        assertEquals(new CompileStats(TS_APP_COMPILED, 0), launchOnce(Fixtures.project("ts-app")));
        assertEquals(TS_APP_COMPILED, cachedEntries());
        assertEquals(new CompileStats(0, TS_APP_COMPILED), launchOnce(Fixtures.project("ts-app")));
        assertEquals(TS_APP_COMPILED, cachedEntries());
    }

    @Test
    void only_a_changed_file_is_compiled_again() throws Exception {
        Path project = copy(Fixtures.project("ts-app"), dir.resolve("ts-app"));
        launchOnce(project);
        Path format = project.resolve("miniprogram/utils/format.ts");
        Files.writeString(format, Files.readString(format).replace("'nobody'", "'no one'"));
        assertEquals(new CompileStats(1, TS_APP_COMPILED - 1), launchOnce(project));
    }

    @Test
    void a_project_without_modules_or_typescript_never_starts_the_compiler() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "const x = require('./x');\nPage({ data: { x } });")
                .file("pages/index/x.js", "module.exports = 1;").write();
        assertEquals(new CompileStats(0, 0), launchOnce(project));
        assertFalse(Files.exists(cache.resolve("compile")), "no cache folder was made");
    }

    @Test
    void hosts_compiling_the_same_project_at_once_share_the_cache_safely() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "cache-test-launcher"));
        try {
            List<Future<String>> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(pool.submit((Callable<String>) () -> {
                    try (MiniProgramHost host = host()) {
                        MiniProgram app = host.launch(LaunchOptions.builder(Fixtures.project("ts-app")).build());
                        Eventually.await("app.pageData().has(\"members\")", () -> app.pageData().has("members"));
                        return app.pageData().get("members").asText();
                    }
                }));
            }
            for (Future<String> member : members) {
                assertEquals("alice, bob", member.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(TS_APP_COMPILED, cachedEntries());
        assertEquals(new CompileStats(0, TS_APP_COMPILED), launchOnce(Fixtures.project("ts-app")));
    }

    private MiniProgramHost host() {
        return MiniProgramHost.create(HostOptions.defaults().withCompileCache(cache.resolve("compile")));
    }

    /** Launches in a fresh host (as a fresh process would) and returns what its compile step did. */
    private CompileStats launchOnce(Path project) throws Exception {
        try (MiniProgramHost host = host()) {
            MiniProgram app = host.launch(LaunchOptions.builder(project).build());
            app.close();
            return host.compileStats();
        }
    }

    private long cachedEntries() throws IOException {
        try (Stream<Path> files = Files.walk(cache.resolve("compile"))) {
            return files.filter(f -> f.toString().endsWith(".js")).count();
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
