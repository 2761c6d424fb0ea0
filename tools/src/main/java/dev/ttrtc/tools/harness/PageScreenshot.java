package dev.ttrtc.tools.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code app.screenshot(file)}: the page as {@code html()} renders it, photographed by headless
 * Chromium ({@code chromium --headless --screenshot}) at the instance's window size. The page is
 * served from 127.0.0.1 with the project's files beside it, so that images with project-root
 * paths ({@code /images/a.png}) show. Chromium is the one on the PATH, or the program named by
 * the system property {@code ttrtc.chromium} or the variable {@code TT_HOST_CHROMIUM}.
 */
final class PageScreenshot {
    private static final String PAGE = "/__tt-host-page.html";
    private static final long TIMEOUT_SECONDS = 60;

    private PageScreenshot() {
    }

    /** Writes the PNG to {@code target} and returns its path; fails with one readable line. */
    static Path take(String html, Path projectDir, int width, int height, Path target) {
        String named = namedChromium();
        if (named != null && chromium().isEmpty()) {
            throw new IllegalStateException("app.screenshot: " + (System.getProperty("ttrtc.chromium") != null
                    ? "the property ttrtc.chromium" : "TT_HOST_CHROMIUM") + " is " + named + ", which is not an executable program");
        }
        Path chromium = chromium().orElseThrow(() -> new IllegalStateException(
                "app.screenshot needs Chromium, and none was found (apt-get install -y chromium, or set TT_HOST_CHROMIUM)"));
        Path work = null;
        HttpServer server = null;
        ExecutorService serving = Executors.newSingleThreadExecutor(r -> new Thread(r, "tt-screenshot-http"));
        try {
            work = Files.createTempDirectory("tt-host-screenshot");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> serve(exchange, html, projectDir.toAbsolutePath().normalize()));
            server.setExecutor(serving);
            server.start();
            Path png = work.resolve("page.png");
            Process process = new ProcessBuilder(List.of(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                    "--screenshot=" + png, "--user-data-dir=" + work.resolve("profile"),
                    // No background traffic: the page and its files are all it may load.
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "http://127.0.0.1:" + server.getAddress().getPort() + PAGE))
                    .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not take the screenshot within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(png)) {
                throw new IllegalStateException("Chromium could not take the screenshot (exit code " + process.exitValue() + ")");
            }
            Files.createDirectories(target.getParent());
            Files.move(png, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("app.screenshot: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("app.screenshot was interrupted");
        } finally {
            if (server != null) {
                server.stop(0);
            }
            serving.shutdownNow();
            deleteQuietly(work);
        }
    }

    /** The page at {@link #PAGE}; any other path is a file of the project (never outside it). */
    private static void serve(HttpExchange exchange, String html, Path projectDir) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals(PAGE)) {
                body = html.getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                Path file = projectDir.resolve(path.substring(1)).normalize();
                if (!file.startsWith(projectDir) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                type = Optional.ofNullable(URLConnection.guessContentTypeFromName(file.toString())).orElse("application/octet-stream");
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The program the property ttrtc.chromium or TT_HOST_CHROMIUM names, or null. */
    private static String namedChromium() {
        String named = System.getProperty("ttrtc.chromium", System.getenv("TT_HOST_CHROMIUM"));
        return named == null || named.isBlank() ? null : named;
    }

    /** The named program (a path, or a command looked up on the PATH), else the first Chromium on the PATH. */
    static Optional<Path> chromium() {
        String named = namedChromium();
        if (named != null && named.contains(File.separator)) {
            Path program = Path.of(named);
            return Files.isExecutable(program) ? Optional.of(program) : Optional.empty();
        }
        List<String> names = named != null ? List.of(named) : List.of("chromium", "chromium-browser", "google-chrome");
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the screenshot's outcome stands.
        }
    }
}
