package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.testkit.Chromium;
import dev.ttrtc.testkit.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a developer does: {@code tt-host run sample-miniapp --remote bob --remote-talk} in its own
 * JVM, then the printed URL in a browser: the room is live with bob talking and his video, and a
 * second tab that joins from the browser shows up in the sample's page data; the page calls the
 * sample's leave handler and relaunches it.
 */
class SimulatorFromTheCliTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    private WebDriver browser;

    @Test
    void the_printed_url_shows_the_room_live_and_a_second_tab_joins_it() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(java.toString(),
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                // A cold JVM launching beside a starting Chromium on a busy machine must not overrun the
                // default 5 s task budget: this test is about the page, not the watchdog.
                "dev.ttrtc.tools.cli.Main", "run", "../sample-miniapp", "--remote", "bob", "--remote-talk", "--json",
                "--stats-every", "0", "--task-budget", "60s").redirectErrorStream(true).start();
        List<JsonNode> lines = new CopyOnWriteArrayList<>();
        List<String> rawLines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(run, lines, rawLines), "cli-output");
        reader.start();
        try {
            JsonNode note = await(lines, rawLines, l -> l.path("text").asText().startsWith("simulator http://"));
            Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/\\?key=[A-Za-z0-9_-]+").matcher(note.path("text").asText());
            assertTrue(url.find(), note.toString());

            browser = Chromium.start();
            browser.get(url.group());
            // The page re-renders its lists as state arrives: a found element may be replaced before it is read.
            WebDriverWait wait = new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100));
            wait.ignoring(StaleElementReferenceException.class);
            // bob is in the room, his talk turns light the speaking indicator on and off ...
            By bob = By.cssSelector("#rooms li[data-member='bob']");
            wait.until(ExpectedConditions.presenceOfElementLocated(bob));
            for (String speaking : List.of("true", "false", "true")) {
                wait.until(ExpectedConditions.attributeToBe(bob, "data-speaking", speaking));
            }
            // ... and his video, as the mini-program decodes it, moves.
            By tile = By.cssSelector("#tiles [data-tile='bob/video']");
            wait.until(ExpectedConditions.presenceOfElementLocated(tile));
            wait.until((Function<WebDriver, Boolean>) d -> Integer.parseInt(d.findElement(tile).getAttribute("data-frames")) >= 3);
            Chromium.screenshot(browser, "cli-first-tab");

            String firstTab = browser.getWindowHandle();
            browser.switchTo().newWindow(WindowType.TAB);
            browser.get(url.group());
            wait.until(ExpectedConditions.textToBe(By.id("connection"), "connected"));
            browser.findElement(By.id("browser-user")).clear();
            browser.findElement(By.id("browser-user")).sendKeys("tab2");
            browser.findElement(By.id("browser-join")).click();
            wait.until(ExpectedConditions.textToBe(By.id("browser-status"), "joined demo-room as tab2"));

            browser.switchTo().window(firstTab);
            new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> "page data shown: " + browser.findElement(By.id("page-data")).getAttribute("data-json"))
                    .until((Function<WebDriver, Boolean>) d -> members(d.findElement(By.id("page-data")).getAttribute("data-json"))
                            .equals(Set.of("me", "bob", "tab2")));
            Chromium.screenshot(browser, "cli-second-tab-joined");
            await(lines, rawLines, l -> l.path("kind").asText().equals("data")
                    && members(l.path("data").path("patch").toString()).equals(Set.of("me", "bob", "tab2")));

            // The room page's leave handler, called from the page: the sample toasts and goes back.
            browser.findElement(By.id("call-method")).sendKeys("leave");
            browser.findElement(By.id("call-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Left the room"));
            Chromium.screenshot(browser, "cli-left-with-a-toast");
            wait.until(ExpectedConditions.textToBe(By.id("phone-route"), "pages/index/index"));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rooms li[data-member='me']"), 0));

            // Relaunch: a fresh instance that enters the room again.
            String before = browser.findElement(By.id("phone-instance")).getText();
            browser.findElement(By.id("relaunch")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("phone-instance"), before)));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rooms li[data-member='me']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-route"), "pages/room/room"));
        } catch (RuntimeException | AssertionError e) {
            if (browser != null) {
                Chromium.screenshot(browser, "cli-failure");
            }
            throw new AssertionError(e.getMessage() + "\ntt-host run printed:\n" + String.join("\n", rawLines), e);
        } finally {
            if (browser != null) {
                browser.quit();
            }
            run.toHandle().destroy(); // SIGTERM, as Ctrl-C would; Process.destroy() would also close its output
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "tt-host run stops on SIGTERM");
            reader.join(5000);
        }
        assertTrue(rawLines.stream().anyMatch(l -> l.contains("final page data of pages/room/room")),
                "the run reports the final page data when stopped:\n" + String.join("\n", rawLines));
    }

    /** The {@code members} of a page data object, in any order (join order depends on who is quicker). */
    private static Set<String> members(String pageData) {
        try {
            Set<String> members = new HashSet<>();
            JSON.readTree(pageData == null ? "{}" : pageData).path("members").forEach(m -> members.add(m.asText()));
            return members;
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + pageData, e);
        }
    }

    private static void readLines(Process process, List<JsonNode> json, List<String> raw) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                raw.add(line);
                if (line.startsWith("{")) {
                    json.add(JSON.readTree(line));
                }
            }
        } catch (Exception e) {
            raw.add("reading the output failed: " + e);
        }
    }

    private static JsonNode await(List<JsonNode> lines, List<String> raw, Predicate<JsonNode> check) throws InterruptedException {
        try {
            return Eventually.await("the run printing the expected line", TIMEOUT,
                    () -> lines.stream().filter(check).findFirst().orElse(null), line -> line != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; output:\n" + String.join("\n", raw));
        }
    }
}
