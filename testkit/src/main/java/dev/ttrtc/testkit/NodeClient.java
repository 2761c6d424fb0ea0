package dev.ttrtc.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Node scripts with npm dependencies, as a test's real client: a folder holding a package.json, a
 * package-lock.json and the scripts (the automator's is {@code automator/src/test/node}, which
 * pins miniprogram-automator 0.12.1) is copied to {@code target/node-client}, installed with
 * {@code npm ci} (again only when the lock file changed), and its scripts run with node.
 */
public final class NodeClient {
    /** The automator's client folder, from any module's base directory. */
    public static final Path AUTOMATOR_SCRIPTS = Path.of("..", "automator", "src", "test", "node");
    private static final Path WORK = Path.of("target", "node-client");

    /** What a script printed (stdout and stderr together) and how it exited. */
    public record Run(int exitCode, String output) {
    }

    private NodeClient() {
    }

    /** Copies the scripts of {@code source} and installs their packages (npm ci) if the installed lock differs. */
    public static synchronized Path install(Path source) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                // Files only: the source folder may hold its own node_modules (the test command's npm ci).
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals("package-lock.json")) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path installedLock = WORK.resolve("node_modules").resolve(".tt-installed-lock.json");
        byte[] lock = Files.readAllBytes(source.resolve("package-lock.json"));
        if (Files.exists(installedLock) && Arrays.equals(lock, Files.readAllBytes(installedLock))) {
            return WORK;
        }
        Files.write(WORK.resolve("package-lock.json"), lock);
        Run npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(10));
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed (" + npm.exitCode() + "):\n" + npm.output());
        }
        Files.write(installedLock, lock);
        return WORK;
    }

    /** Runs {@code node <script> <args…>} in the client folder. */
    public static Run node(String script, Duration deadline, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(command, deadline);
    }

    private static Run run(List<String> command, Duration deadline) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tt-node-client", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(WORK.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(deadline.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(killed after " + deadline.toSeconds() + " s)");
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
