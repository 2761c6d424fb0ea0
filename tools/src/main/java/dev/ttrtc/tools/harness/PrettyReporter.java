package dev.ttrtc.tools.harness;

import dev.ttrtc.tools.text.TerminalText;
import java.io.PrintWriter;

/** A readable live report: a line per test, failures with their location and diff, a closing line. */
public final class PrettyReporter implements Reporter {
    private final PrintWriter out;

    public PrettyReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void fileStarted(String file) {
        out.println(TerminalText.line(file));
        out.flush();
    }

    @Override
    public void testFinished(TestResult r) {
        switch (r.status()) {
            case PASSED -> out.printf("  ✓ %s (%d ms)%n", TerminalText.line(r.name()), r.millis());
            case SKIPPED -> out.printf("  - %s (skipped)%n", TerminalText.line(r.name()));
            case FAILED -> {
                out.printf("  ✗ %s%s%n", r.name().isEmpty() ? "could not load the file" : TerminalText.line(r.name()),
                        r.name().isEmpty() ? "" : " (" + r.millis() + " ms)");
                if (!r.location().isEmpty()) {
                    out.println("      at " + TerminalText.line(r.location()));
                }
                TerminalText.lines(r.message()).lines().forEach(line -> out.println("      " + line));
                if (!r.diff().isEmpty()) {
                    out.println("      - expected  + actual");
                    TerminalText.lines(r.diff()).lines().forEach(line -> out.println("      " + line));
                }
            }
        }
        out.flush();
    }

    @Override
    public void console(String file, String line) {
        out.println("      | " + TerminalText.line(line));
        out.flush();
    }

    @Override
    public void runFinished(RunSummary summary) {
        out.println();
        summary.results().stream().filter(r -> r.status() == TestResult.Status.FAILED)
                .forEach(r -> out.println("failed: " + TerminalText.line(r.displayName())
                        + (r.location().isEmpty() ? "" : " (" + TerminalText.line(r.location()) + ")")));
        out.println(summary.closingLine());
        out.flush();
    }
}
