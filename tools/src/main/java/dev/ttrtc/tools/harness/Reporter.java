package dev.ttrtc.tools.harness;

/**
 * Receives a run's progress. Calls may come from several threads (files run in parallel) but
 * never at the same time: the runner serializes them.
 */
public interface Reporter {

    default void fileStarted(String file) {
    }

    void testFinished(TestResult result);

    /** A line a test printed with console.*. */
    default void console(String file, String line) {
    }

    default void runFinished(RunSummary summary) {
    }
}
