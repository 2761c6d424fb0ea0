package dev.ttrtc.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Test names, messages and console lines with control characters reach a terminal escaped. */
class ReporterEscapingTest {
    static final String HOSTILE = "a\u001b]52;c;aGk=\u0007b\rforged\u009b2J\u202e";
    static final List<TestResult> RESULTS = List.of(
            TestResult.passed("x.test.js", "passes " + HOSTILE, 3),
            TestResult.failed("x.test.js", "fails " + HOSTILE, 4, "message " + HOSTILE + "\nsecond line", "x.test.js:1:2",
                    "- " + HOSTILE + "\n+ b"));

    private static String report(Function<PrintWriter, Reporter> make) {
        StringWriter text = new StringWriter();
        Reporter reporter = make.apply(new PrintWriter(text));
        reporter.fileStarted("x.test.js");
        reporter.console("x.test.js", "console " + HOSTILE);
        RESULTS.forEach(reporter::testFinished);
        reporter.runFinished(new RunSummary(RESULTS));
        return text.toString();
    }

    private static void assertNoControls(String out) {
        assertTrue(out.codePoints().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)), out);
    }

    @Test
    void pretty_shows_escapes_and_keeps_one_line_per_item() {
        String out = report(PrettyReporter::new);
        assertNoControls(out);
        assertTrue(out.contains("  ✓ passes a\\u001b]52;c;aGk=\\u0007b\\rforged\\u009b2J\\u202e ("), out);
        assertTrue(out.contains("      message a\\u001b]52;c;aGk=\\u0007b\\rforged\\u009b2J\\u202e\n      second line\n"), out);
        assertTrue(out.contains("      | console a\\u001b"), out);
    }

    @Test
    void tap_stays_valid_tap() {
        String out = report(TapReporter::new);
        assertNoControls(out);
        List<String> lines = out.lines().toList();
        assertEquals("TAP version 13", lines.get(0));
        assertTrue(lines.contains("ok 1 - x.test.js › passes a\\u001b]52;c;aGk=\\u0007b\\rforged\\u009b2J\\u202e"), out);
        assertTrue(lines.contains("  message: \"message a\\u001b]52;c;aGk=\\u0007b\\rforged\\u009b2J\\u202e\\nsecond line\""), out);
        assertEquals("1..2", lines.get(lines.size() - 2));
    }
}
