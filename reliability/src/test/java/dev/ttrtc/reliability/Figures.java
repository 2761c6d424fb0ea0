package dev.ttrtc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures the README's reliability table shows. Each test records what it tried and how many
 * of those attempts found a fault; a run leaves them in {@code target/reliability-figures.md},
 * one table row per figure.
 */
public final class Figures {
    static final Path FILE = Path.of("target", "reliability-figures.md");

    static {
        // One run's figures: a fresh file per test JVM.
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Figures() {
    }

    /**
     * @param area the table's first column (Sandbox, Runaway code, API input, Server input, Faults, Load)
     * @param what what was tried, for example "escape attempts from mini-program JS"
     * @param attempts how many attempts
     * @param failures how many found a fault (the test fails unless this is 0)
     */
    public static synchronized void record(String area, String what, long attempts, long failures) {
        String row = "| " + area + " | " + what + " | " + attempts + " | " + failures + " |\n";
        try {
            Files.createDirectories(FILE.getParent());
            if (!Files.exists(FILE)) {
                Files.writeString(FILE, "| area | tried | attempts | failures found |\n|---|---|---|---|\n", StandardCharsets.UTF_8);
            }
            Files.writeString(FILE, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
