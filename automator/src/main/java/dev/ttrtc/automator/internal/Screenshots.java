package dev.ttrtc.automator.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a page's HTML document (the view's {@code html()}) to a PNG with Debian's headless
 * {@code chromium --screenshot}, one short-lived browser per shot, in a private temporary
 * profile; the screenshot is as large as the simulated window.
 */
public final class Screenshots {
    /** Where Debian's chromium package puts the browser, then other names on the PATH. */
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    /** Host rule: a cold headless Chromium on a busy machine takes seconds; this bounds a hung one. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Optional<Path> browser;

    private Screenshots(Optional<Path> browser) {
        this.browser = browser;
    }

    /** The chromium on this machine ({@code /usr/bin/chromium} or the PATH), if any. */
    public static Screenshots chromium() {
        return new Screenshots(find());
    }

    /** A given browser executable (tests point it at a missing file). */
    public static Screenshots using(Path browser) {
        return new Screenshots(Optional.of(browser).filter(Files::isExecutable));
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            NAMES.forEach(name -> candidates.add(Path.of(dir.isEmpty() ? "." : dir, name)));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The PNG, base64-encoded, of {@code html} in a window of {@code width}×{@code height} CSS px. */
    String capture(String html, int width, int height) {
        Path executable = browser.orElseThrow(() -> AutomatorError.SCREENSHOT.error(
                "headless Chromium is not installed (apt-get install -y chromium)"));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tt-automator-shot");
            Path page = dir.resolve("page.html");
            Path png = dir.resolve("page.png");
            Files.writeString(page, html, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), "--window-size=" + width + "," + height,
                    "--screenshot=" + png, page.toUri().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw AutomatorError.SCREENSHOT.error("Chromium did not finish within " + DEADLINE.toSeconds() + " s");
            }
            if (!Files.isRegularFile(png)) {
                throw AutomatorError.SCREENSHOT.error("Chromium exited with " + process.exitValue() + " and wrote no image");
            }
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw AutomatorError.SCREENSHOT.error("could not run " + executable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AutomatorError.SCREENSHOT.error("interrupted");
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
