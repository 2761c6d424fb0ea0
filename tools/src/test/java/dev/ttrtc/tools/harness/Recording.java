package dev.ttrtc.tools.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reporter for the harness's own tests: results in order, the threads that reported them, the console and the closing line. */
class Recording implements Reporter {
    final List<TestResult> results = new CopyOnWriteArrayList<>();
    final List<String> reportingThreads = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();
    volatile String closingLine;

    /** Runs test files with a 2 s default timeout (for tests of timeouts), {@code parallel} at a time, into {@code recording}. */
    static <R extends Recording> R run(R recording, int parallel, Path... files) {
        return run(recording, 2000, parallel, files);
    }

    /** Runs test files with a default timeout, {@code parallel} at a time, into {@code recording}. */
    static <R extends Recording> R run(R recording, long timeoutMillis, int parallel, Path... files) {
        try (ScriptTestRunner runner = new ScriptTestRunner(new ScriptTestRunner.Options(timeoutMillis, null, parallel), recording)) {
            runner.run(List.of(files));
        }
        return recording;
    }

    @Override
    public void testFinished(TestResult result) {
        results.add(result);
        reportingThreads.add(Thread.currentThread().getName());
    }

    @Override
    public void console(String file, String line) {
        console.add(line);
    }

    @Override
    public void runFinished(RunSummary summary) {
        closingLine = summary.closingLine();
    }

    List<TestResult.Status> statuses() {
        return results.stream().map(TestResult::status).toList();
    }

    List<String> messages() {
        return results.stream().map(TestResult::message).toList();
    }
}
