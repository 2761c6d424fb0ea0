package dev.ttrtc.bench.reference;

import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Chromium reference pair: two headless Debian Chromium browsers, each driven by its own
 * chromedriver, each with one page ({@code pair.html}) whose simulator-page BrowserParticipant
 * joins the room. The same runs as {@link JvmPairChild}'s: A joins, then B; times from B's join
 * call; a steady window in which the CPU of both browsers' process trees (every process the two
 * chromedrivers started, the drivers themselves excluded) is read from /proc.
 *
 * <p>Nothing is downloaded: the driver and browser are Debian's, named explicitly, so Selenium
 * Manager is never asked ({@code bench/run} also sets SE_OFFLINE and SE_AVOID_STATS).
 */
final class ChromiumPair {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The simulator tests' flags (bridge's Chromium test helper), minus its window size and screen-capture choice. */
    static final List<String> ARGUMENTS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required");
    /** What both pages ask getUserMedia for: the same as participant.js (audio, 320x240 at 15 fps). */
    static final Map<String, Object> CONSTRAINTS = Map.of("audio", true,
            "video", Map.of("width", 320, "height", 240, "frameRate", 15));
    private static final Duration FIRST_MEDIA_TIMEOUT = Duration.ofSeconds(20);
    // Selenium warns that it has no DevTools bindings for this Chromium; nothing here uses them.
    // Held in a field because java.util.logging keeps loggers weakly.
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private ChromiumPair() {
    }

    /** The camera settings the pages got, as the last run saw them ({@code 320x240@15}). */
    static volatile String cameraSettings = "unknown";

    /** One browser and the chromedriver that started it. */
    static final class Browser implements AutoCloseable {
        private final WebDriver driver;
        private final ProcessHandle chromedriver;

        private Browser(WebDriver driver, ProcessHandle chromedriver) {
            this.driver = driver;
            this.chromedriver = chromedriver;
        }

        static Browser start() {
            for (Path program : new Path[] {BINARY, DRIVER}) {
                if (!Files.isExecutable(program)) {
                    throw new IllegalStateException(program + " is missing: apt-get install -y chromium chromium-driver");
                }
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments(ARGUMENTS);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            // The chromedriver is a child of this JVM: the new one is the child that was not there before.
            Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
            WebDriver driver = new ChromeDriver(service, options);
            ProcessHandle chromedriver = ProcessHandle.current().children()
                    .filter(p -> !before.contains(p.pid()))
                    .filter(p -> p.info().command().map(c -> c.contains("chromedriver")).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> {
                        driver.quit();
                        return new IllegalStateException("cannot find the chromedriver process this JVM started");
                    });
            return new Browser(driver, chromedriver);
        }

        /** Every process of this browser: the chromedriver's descendants (browser, zygotes, renderer, GPU, utilities). */
        List<ProcessHandle> processes() {
            return chromedriver.descendants().toList();
        }

        Object script(String source, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(source, args);
        }

        void open(URI page) {
            driver.get(page.toString());
        }

        @Override
        public void close() {
            driver.quit();
        }
    }

    /** Runs the pair {@code runs + 1} times (the first a warm-up); both browsers start once. */
    static List<PairRun> run(URI page, URI signal, int runs, long settleMillis, long windowMillis, Consumer<String> progress)
            throws Exception {
        List<PairRun> results = new ArrayList<>();
        progress.accept("starting two headless Chromium browsers");
        try (Browser a = Browser.start(); Browser b = Browser.start()) {
            for (int run = -1; run < runs; run++) {
                progress.accept("Chromium pair " + (run + 2) + "/" + (runs + 1) + (run < 0 ? " (warm-up)" : ""));
                results.add(measure(a, b, page, signal, "ref-chromium-" + (run + 1), run < 0, settleMillis, windowMillis));
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static PairRun measure(Browser a, Browser b, URI page, URI signal, String roomId, boolean warmup,
            long settleMillis, long windowMillis) throws Exception {
        for (Browser browser : List.of(a, b)) {
            browser.open(page);
            Map<String, Object> camera = (Map<String, Object>) browser.script("return benchPrepare(arguments[0]);", CONSTRAINTS);
            cameraSettings = camera.get("width") + "x" + camera.get("height") + "@" + camera.get("frameRate");
        }
        Map<String, Object> joinedA = (Map<String, Object>) a.script("return benchJoinAndWait(arguments[0]);",
                joinConfig(signal, roomId, "a", "b"));
        if (joinedA.get("error") != null) {
            throw new IllegalStateException("Chromium A could not join: " + joinedA.get("error"));
        }
        double called = number(b.script("return benchJoin(arguments[0]);", joinConfig(signal, roomId, "b", "a")));
        Map<String, Object> resultA = null;
        Map<String, Object> resultB = null;
        long deadline = System.nanoTime() + FIRST_MEDIA_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            resultA = (Map<String, Object>) a.script("return benchResult();");
            resultB = (Map<String, Object>) b.script("return benchResult();");
            if (resultB.get("error") != null) {
                throw new IllegalStateException("Chromium B could not join: " + resultB.get("error"));
            }
            if (complete(resultA) && complete(resultB) && resultB.get("joined") != null) {
                break;
            }
            Thread.sleep(50);
        }

        Thread.sleep(settleMillis);
        Map<String, Object> countersA0 = (Map<String, Object>) a.script("return benchCounters();");
        Map<String, Object> countersB0 = (Map<String, Object>) b.script("return benchCounters();");
        Map<Long, Long> cpuBefore = cpu(a, b);
        long wallBefore = System.nanoTime();
        Thread.sleep(windowMillis);
        long wallAfter = System.nanoTime();
        Map<Long, Long> cpuAfter = cpu(a, b);
        Map<String, Object> countersA1 = (Map<String, Object>) a.script("return benchCounters();");
        Map<String, Object> countersB1 = (Map<String, Object>) b.script("return benchCounters();");
        long cpuNanos = 0;
        for (var e : cpuAfter.entrySet()) {
            cpuNanos += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
        }
        long pss = 0;
        for (ProcessHandle p : processes(a, b)) {
            long bytes = ProcessMetrics.pssBytes(p.pid());
            pss += Math.max(0, bytes);
        }
        double seconds = (wallAfter - wallBefore) / 1e9;

        List<PairRun.Link> links = List.of(
                link("a>b", resultB, called, countersB0, countersB1),
                link("b>a", resultA, called, countersA0, countersA1));
        PairRun result = new PairRun(warmup, since(called, resultB.get("joined")), links,
                cpuNanos / 1e9 / seconds * 100, ProcessMetrics.mb(pss), cpuAfter.size());
        for (Browser browser : List.of(a, b)) {
            browser.script("return benchLeave();");
        }
        return result;
    }

    private static Map<String, Object> joinConfig(URI signal, String roomId, String userId, String other) {
        Map<String, Object> config = new HashMap<>();
        config.put("signalUrl", signal.toString());
        config.put("appId", DevelopmentApp.APP_ID);
        config.put("roomId", roomId);
        config.put("userId", userId);
        config.put("token", Tokens.of(roomId, userId));
        config.put("other", other);
        return config;
    }

    private static boolean complete(Map<String, Object> r) {
        return r != null && r.get("connected") != null && r.get("firstPacket") != null && r.get("firstAudio") != null
                && r.get("firstVideo") != null;
    }

    private static PairRun.Link link(String name, Map<String, Object> r, double called, Map<String, Object> c0,
            Map<String, Object> c1) {
        double fps = 0;
        double audio = 0;
        String size = "none";
        if (c0 != null && c1 != null) {
            double seconds = (number(c1.get("at")) - number(c0.get("at"))) / 1000.0;
            fps = (number(c1.get("frames")) - number(c0.get("frames"))) / seconds;
            audio = (number(c1.get("audioPackets")) - number(c0.get("audioPackets"))) / seconds;
            size = c1.get("width") + "x" + c1.get("height");
        }
        return new PairRun.Link(name, since(called, r.get("connected")), since(called, r.get("firstPacket")),
                since(called, r.get("firstAudio")), since(called, r.get("firstVideo")), fps, audio, size);
    }

    /** CPU time so far of every process of both browsers, by pid. */
    private static Map<Long, Long> cpu(Browser a, Browser b) {
        Map<Long, Long> out = new HashMap<>();
        for (ProcessHandle p : processes(a, b)) {
            long nanos = ProcessMetrics.cpuNanos(p.pid());
            if (nanos >= 0) {
                out.put(p.pid(), nanos);
            }
        }
        return out;
    }

    private static List<ProcessHandle> processes(Browser a, Browser b) {
        Set<Long> seen = new HashSet<>();
        List<ProcessHandle> all = new ArrayList<>();
        for (Browser browser : List.of(a, b)) {
            for (ProcessHandle p : browser.processes()) {
                if (seen.add(p.pid())) {
                    all.add(p);
                }
            }
        }
        return all;
    }

    private static Double since(double calledMillis, Object epochMillis) {
        return epochMillis == null ? null : number(epochMillis) - calledMillis;
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("expected a number from the page, got " + value);
    }
}
