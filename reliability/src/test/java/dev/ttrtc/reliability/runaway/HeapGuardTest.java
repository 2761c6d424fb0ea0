package dev.ttrtc.reliability.runaway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.reliability.Figures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory kept a little per task, in a JVM with a 256 MB heap (so the test is quick and no other
 * test shares the heap): the heap guard stops the instance that allocates, and the calm
 * instance, the room server and its room carry on.
 */
class HeapGuardTest {
    @Test
    void an_instance_that_keeps_what_it_allocates_is_stopped_before_the_jvm_runs_out() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), HeapHog.class.getName(), RunawayCodeTest.APP.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child JVM did not end");
        String last = lines.isEmpty() ? "{}" : lines.get(lines.size() - 1);
        JsonNode report = new ObjectMapper().readTree(last.startsWith("{") ? last : "{}");
        boolean held = report.path("stopped").asText().startsWith("instance stopped: the JVM's heap was ")
                && report.path("hogClosed").asBoolean() && report.path("calmAnswers").asText().equals("pong")
                && report.path("roomMembers").asInt() == 2;
        Figures.record("Runaway code", "an instance keeping 8 MB more every 100 ms in a 256 MB JVM (heap guard)", 1, held ? 0 : 1);
        assertTrue(held, "child JVM printed:\n" + String.join("\n", lines));
        assertEquals(0, child.exitValue());
    }
}
