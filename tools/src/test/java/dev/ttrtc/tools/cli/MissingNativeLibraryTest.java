package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A machine without {@code libpulse.so.0}: {@code tt-host run} in a private mount namespace where
 * the library is hidden (bound over by /dev/null) must say so in one line, naming the Debian
 * package, and exit 3. Needs root and {@code unshare} (as CI has); skipped elsewhere.
 */
class MissingNativeLibraryTest {
    static final Path LIBPULSE = Path.of("/usr/lib/x86_64-linux-gnu/libpulse.so.0");

    @Test
    void without_libpulse_run_prints_one_line_naming_the_package_and_exits_3() throws Exception {
        assumeTrue(Files.exists(LIBPULSE) && canUnshare(), "needs root, unshare and libpulse0 installed to hide it");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String hide = "mount --bind /dev/null \"$(readlink -f " + LIBPULSE + ")\" && exec \"$0\" \"$@\"";
        Process process = new ProcessBuilder(List.of("unshare", "-m", "sh", "-c", hide, java.toString(),
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "../sample-miniapp", "--duration", "2s"))
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "tt-host ended");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, process.exitValue(), output);
        List<String> errors = output.lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(List.of("error: WebRTC media needs libpulse.so.0, from the Debian package libpulse0 (apt-get install -y libpulse0)"),
                errors, output);
        assertTrue(output.lines().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), "no stack trace: " + output);
    }

    private static boolean canUnshare() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    }
}
