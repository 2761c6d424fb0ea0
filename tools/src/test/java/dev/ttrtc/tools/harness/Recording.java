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

    /**
     * Runs test files, {@code parallel} at a time, into {@code recording}. The default test timeout
     * is generous: launches are slow on a busy machine; tests of timeouts set their own.
     */
    static <R extends Recording> R run(R recording, int parallel, Path... files) {
        try (ScriptTestRunner runner = new ScriptTestRunner(new ScriptTestRunner.Options(120_000, null, parallel), recording)) {
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
