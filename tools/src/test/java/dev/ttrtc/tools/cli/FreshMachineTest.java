package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The two README commands on a machine without the Debian packages they need. Each case runs in
 * a private mount namespace where the packages' files are hidden: every folder holding one gets
 * an overlay whose upper layer (on a tmpfs) has a whiteout in its place, so the rest of the
 * machine is untouched and a reinstall writes into the overlay only. Needs root, unshare and
 * overlayfs (as CI has); the install cases also need the Debian mirror. Skipped elsewhere.
 */
class FreshMachineTest {
    static final String LIBPULSE = "/usr/lib/x86_64-linux-gnu/libpulse.so.0";
    static final String LIBPULSE_FILE = "/usr/lib/x86_64-linux-gnu/libpulse.so.0.24.2";

    record Result(int code, String out, String err) {
    }

    @Test
    void run_installs_libpulse0_saying_so_in_one_line_and_then_runs() throws Exception {
        assumeTrue(canHide(LIBPULSE_FILE), "needs root, unshare, overlayfs and libpulse0 installed to hide it");
        Result run = hidden(List.of(LIBPULSE, LIBPULSE_FILE), cli("run", "../sample-miniapp", "--duration", "2s"));
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(List.of("tt-host: installing the Debian package libpulse0 (apt-get install -y libpulse0)..."),
                run.err().lines().toList(), run.err());
        assertTrue(run.out().contains("sample launched on"), run.out());
    }

    @Test
    void without_apt_run_prints_the_exact_command_in_one_line_and_exits_3() throws Exception {
        assumeTrue(canHide(LIBPULSE_FILE), "needs root, unshare, overlayfs and libpulse0 installed to hide it");
        Result run = hidden(List.of(LIBPULSE, LIBPULSE_FILE, "/usr/bin/apt-get"), cli("run", "../sample-miniapp", "--duration", "2s"));
        assertEquals(new Result(3, "", "error: WebRTC media needs libpulse.so.0, from the Debian package libpulse0: "
                + "install it with 'sudo apt-get install -y libpulse0'\n"), run);
    }

    @Test
    void the_test_command_installs_what_the_tests_need() throws Exception {
        assumeTrue(canHide(LIBPULSE_FILE) && Files.exists(Path.of("/usr/bin/chromedriver")),
                "needs root, unshare, overlayfs, libpulse0 and chromium-driver installed to hide them");
        Path verify = Path.of("..", "verify").toAbsolutePath().normalize();
        String check = "\"$0\" --setup-only && test -e " + LIBPULSE + " && test -e /usr/bin/chromedriver && echo ready";
        Result setup = hidden(List.of(LIBPULSE, LIBPULSE_FILE, "/usr/bin/chromedriver"), List.of("sh", "-c", check, verify.toString()));
        assertEquals(0, setup.code(), setup.out() + setup.err());
        assertEquals("ready\n", setup.out());
        assertTrue(setup.err().lines().anyMatch(l -> l.matches("verify: installing the Debian packages .*\\(apt-get install -y .*\\)\\.\\.\\.")
                && l.contains("libpulse0") && l.contains("chromium-driver")), setup.err());
    }

    private static List<String> cli(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the command in a mount namespace where these files do not exist. */
    private static Result hidden(List<String> files, List<String> command) throws IOException, InterruptedException {
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        for (String file : files) {
            Path path = Path.of(file);
            byFolder.computeIfAbsent(path.getParent().toString(), d -> new ArrayList<>()).add(path.getFileName().toString());
        }
        StringBuilder script = new StringBuilder("set -e; t=$(mktemp -d); mount -t tmpfs tmpfs \"$t\"; ");
        int n = 0;
        for (Map.Entry<String, List<String>> folder : byFolder.entrySet()) {
            String layer = "\"$t\"/" + n++;
            script.append("mkdir -p ").append(layer).append("/u ").append(layer).append("/w; ");
            for (String name : folder.getValue()) {
                script.append("mknod ").append(layer).append("/u/").append(name).append(" c 0 0; ");
            }
            script.append("mount -t overlay overlay -o lowerdir=").append(folder.getKey()).append(",upperdir=").append(layer)
                    .append("/u,workdir=").append(layer).append("/w ").append(folder.getKey()).append("; ");
        }
        script.append("exec \"$@\"");
        List<String> full = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "sh", "-c", script.toString(), "hide"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        byte[][] errBytes = new byte[1][];
        Thread errReader = new Thread(() -> {
            try {
                errBytes[0] = err.readAllBytes();
            } catch (IOException e) {
                errBytes[0] = new byte[0];
            }
        }, "fresh-machine-stderr");
        errReader.start();
        byte[] outBytes = out.readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "ended");
        errReader.join();
        return new Result(process.exitValue(), new String(outBytes, StandardCharsets.UTF_8), new String(errBytes[0], StandardCharsets.UTF_8));
    }

    private static boolean canHide(String file) throws IOException, InterruptedException {
        if (!Files.exists(Path.of(file))) {
            return false;
        }
        try {
            Result probe = hidden(List.of(file), List.of("sh", "-c", "test ! -e " + file));
            return probe.code() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
