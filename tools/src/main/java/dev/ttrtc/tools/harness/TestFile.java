package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.MiniProgramHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One loaded {@code *.test.js} file: its tests, run one at a time in registration order, each
 * with its own {@link TestScope} that is closed afterwards whatever happened.
 */
public final class TestFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String displayName;
    private final DriverContext driver;
    private final List<DriverContext.TestEntry> tests;
    private final String loadError;
    private final long defaultTimeoutMillis;
    private final Consumer<String> console;

    private TestFile(String displayName, DriverContext driver, List<DriverContext.TestEntry> tests, String loadError,
            long defaultTimeoutMillis, Consumer<String> console) {
        this.displayName = displayName;
        this.driver = driver;
        this.tests = tests;
        this.loadError = loadError;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
        this.console = console;
    }

    /** Loads a file; a file that cannot be loaded has no tests and one {@link #loadFailure()}. */
    public static TestFile load(Path file, String displayName, MiniProgramHost host, Executor workers,
            long defaultTimeoutMillis, Consumer<String> console) {
        try {
            DriverContext driver = DriverContext.open(file, displayName, host, workers, console);
            return new TestFile(displayName, driver, driver.tests(), null, defaultTimeoutMillis, console);
        } catch (DriverContext.LoadFailure e) {
            return new TestFile(displayName, null, List.of(), e.getMessage(), defaultTimeoutMillis, console);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return new TestFile(displayName, null, List.of(), "cannot list the tests of " + displayName + ": " + e,
                    defaultTimeoutMillis, console);
        }
    }

    public String displayName() {
        return displayName;
    }

    /** The names of the tests, in registration order. */
    public List<String> testNames() {
        return tests.stream().map(DriverContext.TestEntry::name).toList();
    }

    /** The file's own failure (for example a syntax error with its location), or null. */
    public TestResult loadFailure() {
        return loadError == null ? null : TestResult.failed(displayName, "", 0, loadError, "", "");
    }

    /** Runs one test to its end (or its timeout) and closes everything it started. */
    public TestResult run(String name) {
        DriverContext.TestEntry entry = tests.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test named " + name + " in " + displayName));
        if (entry.skip()) {
            return TestResult.skipped(displayName, name);
        }
        long timeout = entry.timeoutMillis() != null ? entry.timeoutMillis() : defaultTimeoutMillis;
        long start = System.nanoTime();
        Outcome outcome;
        driver.takeAsyncErrors();
        try (TestScope scope = new TestScope(name, timeout)) {
            outcome = await(driver.run(name, scope), scope, start);
            tellErrors(scope.miniProgramErrors());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> escaped = driver.takeAsyncErrors();
        if (outcome.timedOut()) {
            return TestResult.failed(displayName, name, millis, "timed out after " + millis + " ms", "", "");
        }
        if (outcome.failureJson() != null) {
            return fromFailure(name, millis, outcome.failureJson());
        }
        if (!escaped.isEmpty()) {
            return TestResult.failed(displayName, name, millis, String.join("\n", escaped), "", "");
        }
        return TestResult.passed(displayName, name, millis);
    }

    /**
     * The mini-program's uncaught errors do not fail a test (a test may cause them on purpose),
     * but they are never silent: the report says how many and shows the first.
     */
    private void tellErrors(List<String> errors) {
        if (!errors.isEmpty()) {
            console.accept("note: the mini-program logged " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + " (app.errors(); t.deepEqual(app.errors(), []) fails the test on them); the first: " + errors.get(0));
        }
    }

    /** How a test ended: in time (passed when failureJson is null), or not. */
    private record Outcome(boolean timedOut, String failureJson) {
    }

    /** Waits for the test, re-reading its deadline: the test may change its own timeout. */
    private static Outcome await(CompletableFuture<String> result, TestScope scope, long startNanos) {
        while (true) {
            long remaining = scope.timeoutMillis - (System.nanoTime() - startNanos) / 1_000_000;
            if (remaining <= 0) {
                return new Outcome(true, null);
            }
            try {
                return new Outcome(false, result.get(Math.min(remaining, 200), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                // Not yet: look at the deadline again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(true, null);
            } catch (ExecutionException e) {
                return new Outcome(false, JSON.createObjectNode().put("message", String.valueOf(e.getCause())).toString());
            }
        }
    }

    private TestResult fromFailure(String name, long millis, String failureJson) {
        try {
            JsonNode f = JSON.readTree(failureJson);
            return TestResult.failed(displayName, name, millis, f.path("message").asText(),
                    f.path("location").asText(""), f.path("diff").asText(""));
        } catch (IOException e) {
            return TestResult.failed(displayName, name, millis, failureJson, "", "");
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
