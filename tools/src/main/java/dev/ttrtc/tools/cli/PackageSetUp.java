package dev.ttrtc.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Debian packages the run command's media needs, installed when missing: as root with apt it
 * says so in one line and installs them; otherwise it stops with one line giving the exact
 * command (exit 3, the host cannot run here as it is).
 */
final class PackageSetUp {
    /** libpulse0: webrtc-java's native library links libpulse.so.0 even when no sound server runs. */
    static final String MEDIA_PACKAGE = "libpulse0";
    static final String MEDIA_LIBRARY = "libpulse.so.0";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private PackageSetUp() {
    }

    /** Makes sure the media's native dependencies are there, installing them when it may. */
    static void ensureMedia(PrintWriter err) {
        if (libraryPresent(MEDIA_LIBRARY)) {
            return;
        }
        String command = "apt-get install -y " + MEDIA_PACKAGE;
        if (!isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new HostFailure("WebRTC media needs " + MEDIA_LIBRARY + ", from the Debian package " + MEDIA_PACKAGE
                    + ": install it with 'sudo " + command + "'");
        }
        err.println("tt-host: installing the Debian package " + MEDIA_PACKAGE + " (" + command + ")...");
        err.flush();
        // --reinstall also restores a package whose files are gone; a fresh machine may have no
        // package lists yet, so update once when the first try fails.
        if (!apt("install", "-y", "-qq", "--reinstall", MEDIA_PACKAGE)
                && !(apt("update", "-qq") && apt("install", "-y", "-qq", "--reinstall", MEDIA_PACKAGE))) {
            throw new HostFailure("could not install " + MEDIA_PACKAGE + " (" + command + " failed; run it to see why)");
        }
        if (!libraryPresent(MEDIA_LIBRARY)) {
            throw new HostFailure(MEDIA_PACKAGE + " is installed but " + MEDIA_LIBRARY + " is still missing");
        }
    }

    /** Whether the dynamic linker's usual folders hold the library as a real file. */
    static boolean libraryPresent(String name) {
        String multiarch = switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> System.getProperty("os.arch") + "-linux-gnu";
        };
        for (String dir : List.of("/usr/lib/" + multiarch, "/lib/" + multiarch, "/usr/lib64", "/usr/lib", "/lib64", "/lib")) {
            Path candidate = Path.of(dir, name);
            try {
                if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                    return true;
                }
            } catch (IOException unreadable) {
                // Not usable there; try the next folder.
            }
        }
        return false;
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean apt(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/apt-get"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
