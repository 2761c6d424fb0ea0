package dev.ttrtc.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlReporterTest {

    @Test
    void a_failure_message_with_characters_xml_forbids_still_gives_a_report_that_parses(@TempDir Path out)
            throws Exception {
        JunitXmlReporter reporter = new JunitXmlReporter(out);
        reporter.testFinished(TestResult.passed("a.test.js", "fine <&> \"quoted\"", 12));
        reporter.testFinished(TestResult.failed("a.test.js", "broken", 30,
                "bad \u0000\u0001\u0007\u001b[31m thing \ud800 alone, \ud83d\ude00 kept", "a.test.js:3:5", ""));
        reporter.testFinished(TestResult.skipped("a.test.js", "later"));
        reporter.runFinished(null);

        Path report = out.resolve("TEST-a.test.js.xml");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("fine <&> \"quoted\"", ((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("name"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        String shown = "bad \\u0000\\u0001\\u0007\\u001b[31m thing \\ud800 alone, \ud83d\ude00 kept";
        assertEquals(shown, failure.getAttribute("message"));
        assertEquals("at a.test.js:3:5\n" + shown, failure.getTextContent());
        assertEquals(1, suite.getElementsByTagName("skipped").getLength());
    }
}
