package dev.ttrtc.tools.harness;

import dev.ttrtc.tools.text.TerminalText;
import java.io.PrintWriter;

/** Test Anything Protocol, version 13, with the plan at the end and YAML blocks for failures. */
public final class TapReporter implements Reporter {
    private final PrintWriter out;
    private int number;

    public TapReporter(PrintWriter out) {
        this.out = out;
        out.println("TAP version 13");
    }

    @Override
    public void testFinished(TestResult r) {
        number++;
        String name = TerminalText.line(r.displayName()).replace("#", "\\#");
        switch (r.status()) {
            case PASSED -> out.println("ok " + number + " - " + name);
            case SKIPPED -> out.println("ok " + number + " - " + name + " # SKIP");
            case FAILED -> {
                out.println("not ok " + number + " - " + name);
                out.println("  ---");
                out.println("  message: " + quote(r.message()));
                if (!r.location().isEmpty()) {
                    out.println("  at: " + quote(r.location()));
                }
                if (!r.diff().isEmpty()) {
                    out.println("  diff: |");
                    TerminalText.lines(r.diff()).lines().forEach(line -> out.println("    " + line));
                }
                out.println("  ...");
            }
        }
        out.flush();
    }

    @Override
    public void console(String file, String line) {
        out.println("# " + TerminalText.line(line));
    }

    @Override
    public void runFinished(RunSummary summary) {
        out.println("1.." + number);
        out.println("# " + summary.closingLine());
        out.flush();
    }

    private static String quote(String text) {
        return "\"" + TerminalText.line(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
