package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.testkit.NodeClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "done when": {@code tt-host run sample-miniapp --automator 0 --remote bob} in its
 * own JVM, and docs/automator.md's script, run unchanged with the real miniprogram-automator
 * 0.12.1, drives the sample into the room with bob, reads it, mocks an API, screenshots it, leaves.
 */
class AutomatorFromTheCliTest {
    private static final Pattern ENDPOINT = Pattern.compile("automator (ws://127\\.0\\.0\\.1:\\d+)");

    @Test
    void the_documented_script_drives_the_sample_into_a_room_with_a_remote_participant() throws Exception {
        Path client = NodeClient.install(NodeClient.AUTOMATOR_SCRIPTS);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(java.toString(),
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                "dev.ttrtc.tools.cli.Main", "run", "../sample-miniapp", "--automator", "0", "--remote", "bob",
                "--stats-every", "0", "--task-budget", "60s").redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                lines.add("reading the output failed: " + e);
            }
        }, "cli-output");
        reader.start();
        try {
            String endpoint = Eventually.await("the automator address", Duration.ofSeconds(60),
                    () -> lines.stream().map(ENDPOINT::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null),
                    url -> url != null);
            Path screenshot = client.resolve("room.png").toAbsolutePath();
            Files.deleteIfExists(screenshot);
            NodeClient.Run script = NodeClient.node("room.js", Duration.ofMinutes(5), endpoint, screenshot.toString());
            System.out.println(script.output());
            String context = script.output() + "\ntt-host run printed:\n" + String.join("\n", lines);
            assertEquals(0, script.exitCode(), context);
            assertTrue(script.output().contains("members me,bob") || script.output().contains("members bob,me"), context);
            assertTrue(script.output().contains("mic button Mute\n") && script.output().contains("mic button after tap Unmute\n"), context);
            assertTrue(script.output().contains("showToast mocked: true\n"), context);
            assertTrue(script.output().contains("left; page stack pages/index/index\n"), context);
            assertTrue(script.output().endsWith("done\n"), context);
            byte[] png = Files.readAllBytes(screenshot);
            assertEquals("PNG", new String(png, 1, 3, StandardCharsets.ISO_8859_1), "the screenshot is a PNG");
        } finally {
            run.toHandle().destroy(); // SIGTERM, as Ctrl-C would
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "tt-host run stops on SIGTERM");
            reader.join(5000);
        }
    }
}
