package dev.ttrtc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark's helper program in a fresh JVM with this JVM's java, flags and class path.
 * Used where a number is about a whole process: a cold start, or resident memory that an earlier
 * benchmark in the same JVM would have inflated. The child prints its results as JSON lines on
 * stdout; anything else it prints is ignored, its stderr is shown only when it fails.
 */
public final class ChildJvm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildJvm() {
    }

    /** The command for {@code mainClass}: the same java binary, JVM flags and class path as this JVM. */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        return command(mainClass, List.of(), args);
    }

    /** The same, with {@code extraFlags} after this JVM's flags (where both set a flag, the later wins). */
    public static List<String> command(Class<?> mainClass, List<String> extraFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger agent would make the child wait for a debugger on the same port.
            if (!flag.startsWith("-agentlib:jdwp")) {
                command.add(flag);
            }
        }
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** Starts the child and returns the JSON objects it printed; fails when it exits non-zero or times out. */
    public static List<JsonNode> run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("bench-child", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return collect(process, stderr, timeout);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static List<JsonNode> collect(Process process, Path stderr, Duration timeout) throws IOException, InterruptedException {
        List<JsonNode> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("{")) {
                        synchronized (lines) {
                            lines.add(JSON.readTree(line));
                        }
                    }
                }
            } catch (IOException e) {
                // The child died; its exit code tells.
            }
        }, "bench-child-stdout");
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("child JVM did not finish within " + timeout.toSeconds() + " s: " + tail(stderr));
        }
        reader.join(5000);
        if (process.exitValue() != 0) {
            throw new IOException("child JVM exited with " + process.exitValue() + ": " + tail(stderr));
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> all = Files.readAllLines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    }
}
