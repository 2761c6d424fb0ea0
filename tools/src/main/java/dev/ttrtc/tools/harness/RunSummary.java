package dev.ttrtc.tools.harness;

import java.util.List;

/** Every result of a run, in the order they finished. */
public record RunSummary(List<TestResult> results) {

    public long count(TestResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean succeeded() {
        return count(TestResult.Status.FAILED) == 0;
    }

    /** {@code N passed, N failed} and {@code , N skipped} when any were skipped. */
    public String closingLine() {
        long skipped = count(TestResult.Status.SKIPPED);
        return count(TestResult.Status.PASSED) + " passed, " + count(TestResult.Status.FAILED) + " failed"
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }
}
