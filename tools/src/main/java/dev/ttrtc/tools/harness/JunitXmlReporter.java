package dev.ttrtc.tools.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one JUnit XML report per test file ({@code TEST-<file>.xml}) into a folder at the end,
 * with the JDK's XML writer. Characters XML 1.0 cannot carry (control characters, lone
 * surrogates) are written as {@code \\uXXXX} text, so a failure message holding them still
 * gives a report every tool can parse.
 */
public final class JunitXmlReporter implements Reporter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

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
                Path report = outDir.resolve("TEST-" + file.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml");
                try (OutputStream out = Files.newOutputStream(report)) {
                    write(out, file.getKey(), file.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String file, List<TestResult> results) throws XMLStreamException {
        long failures = results.stream().filter(r -> r.status() == TestResult.Status.FAILED).count();
        long skipped = results.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
        long millis = results.stream().mapToLong(TestResult::millis).sum();
        XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", text(file));
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("time", seconds(millis));
        for (TestResult r : results) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", text(r.name().isEmpty() ? "(load)" : r.name()));
            xml.writeAttribute("classname", text(file));
            xml.writeAttribute("time", seconds(r.millis()));
            if (r.status() == TestResult.Status.SKIPPED) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                xml.writeCharacters("\n  ");
            } else if (r.status() == TestResult.Status.FAILED) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", text(r.message()));
                xml.writeCharacters(text((r.location().isEmpty() ? "" : "at " + r.location() + "\n") + r.message()
                        + (r.diff().isEmpty() ? "" : "\n- expected  + actual\n" + r.diff())));
                xml.writeEndElement();
                xml.writeCharacters("\n  ");
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** The text with every character XML 1.0 forbids written as {@code \\uXXXX}. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
