package dev.ttrtc.tools.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes one JUnit XML report per test file ({@code TEST-<file>.xml}) into a folder at the end. */
public final class JunitXmlReporter implements Reporter {
    private final Path outDir;
    private final Map<String, List<TestResult>> byFile = new LinkedHashMap<>();

    public JunitXmlReporter(Path outDir) {
        this.outDir = outDir;
    }

    @Override
    public void testFinished(TestResult result) {
        byFile.computeIfAbsent(result.file(), f -> new ArrayList<>()).add(result);
    }

    @Override
    public void runFinished(RunSummary summary) {
        try {
            Files.createDirectories(outDir);
            for (Map.Entry<String, List<TestResult>> file : byFile.entrySet()) {
                Files.writeString(outDir.resolve("TEST-" + file.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml"),
                        xml(file.getKey(), file.getValue()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xml(String file, List<TestResult> results) {
        long failures = results.stream().filter(r -> r.status() == TestResult.Status.FAILED).count();
        long skipped = results.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
        double seconds = results.stream().mapToLong(TestResult::millis).sum() / 1000.0;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
                escape(file), results.size(), failures, skipped, seconds));
        for (TestResult r : results) {
            xml.append(String.format(Locale.ROOT, "  <testcase name=\"%s\" classname=\"%s\" time=\"%.3f\"",
                    escape(r.name().isEmpty() ? "(load)" : r.name()), escape(file), r.millis() / 1000.0));
            switch (r.status()) {
                case PASSED -> xml.append("/>\n");
                case SKIPPED -> xml.append(">\n    <skipped/>\n  </testcase>\n");
                case FAILED -> xml.append(">\n    <failure message=\"").append(escape(r.message())).append("\">")
                        .append(escape((r.location().isEmpty() ? "" : "at " + r.location() + "\n") + r.message()
                                + (r.diff().isEmpty() ? "" : "\n- expected  + actual\n" + r.diff())))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
