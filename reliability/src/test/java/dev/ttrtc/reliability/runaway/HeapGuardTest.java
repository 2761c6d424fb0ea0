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
        JsonNode report = runHog(List.of());
        boolean held = report.path("stopped").asText().startsWith("instance stopped: the JVM's heap was ")
                && report.path("hogClosed").asBoolean() && report.path("calmAnswers").asText().equals("pong")
                && report.path("roomMembers").asInt() == 2;
        Figures.record("Runaway code", "an instance keeping 8 MB more every 100 ms in a 256 MB JVM (heap guard)", 1, held ? 0 : 1);
        assertTrue(held, report.toString());
    }

    /** The guard judges by what an instance keeps: the busy neighbour allocates ten times as much and keeps nothing. */
    @Test
    void the_guard_stops_the_hoarder_not_the_busy_instance_that_keeps_nothing() throws Exception {
        JsonNode report = runHog(List.of("with-busy-neighbour"));
        boolean held = report.path("stopped").asText().contains("kept the most")
                && report.path("hogClosed").asBoolean() && report.path("busyAnswers").asText().equals("pong")
                && report.path("calmAnswers").asText().equals("pong");
        Figures.record("Runaway code", "a slow hoarder beside a busy instance that keeps nothing, 256 MB JVM (heap guard)", 1,
                held ? 0 : 1);
        assertTrue(held, report.toString());
    }

    private static JsonNode runHog(List<String> extraArgs) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m",
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), HeapHog.class.getName(), RunawayCodeTest.APP.toString()));
        command.addAll(extraArgs);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child JVM did not end");
        String last = lines.isEmpty() ? "{}" : lines.get(lines.size() - 1);
        JsonNode report = new ObjectMapper().readTree(last.startsWith("{") ? last : "{}");
        assertEquals(0, child.exitValue(), String.join("\n", lines));
        return report;
    }
}
