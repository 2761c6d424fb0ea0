package dev.ttrtc.tools.harness;

import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.MiniProgramHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@code *.test.js} files: each file in its own driver context, its tests one after the
 * other, up to {@code parallel} files at a time. All instances share one {@link MiniProgramHost}.
 */
public final class ScriptTestRunner implements AutoCloseable {
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;
    public static final String SUFFIX = ".test.js";

    /**
     * @param defaultTimeoutMillis per test, unless the test sets its own
     * @param filter run only tests whose name or file contains this text (null = all)
     * @param parallel how many files run at once
     */
    public record Options(long defaultTimeoutMillis, String filter, int parallel) {
        public static Options defaults() {
            return new Options(DEFAULT_TIMEOUT_MILLIS, null, 1);
        }
    }

    private final Options options;
    private final Reporter reporter;
    private final MiniProgramHost host;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("tt-test-worker"));

    public ScriptTestRunner(Options options, Reporter reporter) {
        this(options, reporter, HostOptions.defaults());
    }

    /** A runner whose instances share one host made with these options (compile cache, esbuild, budgets). */
    public ScriptTestRunner(Options options, Reporter reporter, HostOptions hostOptions) {
        this.options = options;
        this.reporter = reporter;
        this.host = MiniProgramHost.create(hostOptions);
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The test files under the given files and folders, sorted; a missing path is an error. */
    public static List<Path> collect(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("no such test file or folder: " + path);
            }
        }
        return files;
    }

    /** A path as reports show it: relative to the working directory when inside it. */
    static String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return (absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    public MiniProgramHost host() {
        return host;
    }

    public ExecutorService workers() {
        return workers;
    }

    /** Loads a file for running test by test (the JUnit integration does this). */
    public TestFile load(Path file) {
        String name = displayName(file);
        return TestFile.load(file, name, host, workers, options.defaultTimeoutMillis(),
                line -> report(() -> reporter.console(name, line)));
    }

    public RunSummary run(List<Path> paths) {
        List<Path> files = collect(paths);
        List<TestResult> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()), daemonThreads("tt-test-file"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Path file : files) {
                running.add(pool.submit(() -> runFile(file, results)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the test run failed", e);
        } finally {
            pool.shutdownNow();
        }
        RunSummary summary = new RunSummary(List.copyOf(results));
        report(() -> reporter.runFinished(summary));
        return summary;
    }

    private void runFile(Path file, List<TestResult> results) {
        try {
            runTests(file, results);
        } catch (RuntimeException e) {
            TestResult failure = TestResult.failed(displayName(file), "", 0, "the file could not run: " + e, "", "");
            results.add(failure);
            report(() -> reporter.testFinished(failure));
        }
    }

    private void runTests(Path file, List<TestResult> results) {
        try (TestFile tests = load(file)) {
            report(() -> reporter.fileStarted(tests.displayName()));
            TestResult failure = tests.loadFailure();
            if (failure != null) {
                results.add(failure);
                report(() -> reporter.testFinished(failure));
                return;
            }
            for (String name : tests.testNames()) {
                if (options.filter() != null && !name.contains(options.filter()) && !tests.displayName().contains(options.filter())) {
                    continue;
                }
                TestResult result = tests.run(name);
                results.add(result);
                report(() -> reporter.testFinished(result));
            }
        }
    }

    private synchronized void report(Runnable call) {
        call.run();
    }

    @Override
    public void close() {
        host.close();
        workers.shutdownNow();
    }
}
