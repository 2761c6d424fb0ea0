package dev.ttrtc.tools.harness;

/**
 * The outcome of one script test.
 *
 * @param file the test file, as given to the runner
 * @param name the test's name; empty for a failure of the file itself (a syntax error)
 * @param status passed, failed or skipped
 * @param millis how long it ran
 * @param message why it failed (empty otherwise)
 * @param location file:line:column of the failing line in the test file, when known
 * @param diff expected/actual lines ("- " expected, "+ " actual), when the failure compared values
 */
public record TestResult(String file, String name, Status status, long millis, String message, String location,
        String diff) {

    public enum Status { PASSED, FAILED, SKIPPED }

    static TestResult passed(String file, String name, long millis) {
        return new TestResult(file, name, Status.PASSED, millis, "", "", "");
    }

    static TestResult skipped(String file, String name) {
        return new TestResult(file, name, Status.SKIPPED, 0, "", "", "");
    }

    static TestResult failed(String file, String name, long millis, String message, String location, String diff) {
        return new TestResult(file, name, Status.FAILED, millis, message, location, diff);
    }

    /** The test's name with its file, as reports show it. */
    public String displayName() {
        return name.isEmpty() ? file : file + " › " + name;
    }
}
