package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code tt-host run --json} as its own process, with media, through to the process's exit: every
 * line on stdout is JSON (libwebrtc's exit handlers print nothing there), stderr holds nothing.
 */
class CleanExitTest {
    @Test
    void with_media_every_stdout_line_to_the_last_is_json_and_stderr_is_empty() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "../sample-miniapp", "--json", "--remote", "bob", "--duration", "3s"));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "tt-host ended");
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), stdout + new String(err, StandardCharsets.UTF_8));
        assertEquals("", new String(err, StandardCharsets.UTF_8));
        List<String> lines = stdout.lines().toList();
        assertTrue(lines.size() > 5, stdout);
        for (String line : lines) {
            MainTest.JSON.readTree(line).fieldNames().next();
            assertTrue(line.startsWith("{") && line.endsWith("}"), "not a JSON object line: " + line);
        }
        assertTrue(lines.get(lines.size() - 1).contains("\"kind\""), stdout);
    }
}
