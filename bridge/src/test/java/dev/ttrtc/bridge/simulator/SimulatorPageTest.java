package dev.ttrtc.bridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.Chromium;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator page in headless Chromium, against a real room server, the sample mini-program on
 * GraalJS and Java participants with media: what the page shows is checked on its DOM, what the
 * mini-program sees on its page data and decoded media.
 */
class SimulatorPageTest {
    /**
     * A deadline for what a broken page never does, not a speed bar: with both cores kept busy
     * (bench/busy-verify.sh), Chromium's fake screen capture took longer than 20 s to start.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String ROOM = "sim-room";
    static final ObjectMapper JSON = new ObjectMapper();

    static RoomServer server;
    static Simulator simulator;
    static MiniProgramHost host;
    static MiniProgram program;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = RoomServer.builder().port(0).build().start();
        simulator = Simulator.builder(server.signalUri()).rooms(server::rooms).defaultRoom(ROOM).build();
        server.mount("/", simulator.handler());
        host = MiniProgramHost.create();
        program = host.launch(LaunchOptions.builder(Path.of("../sample-miniapp"))
                .page("pages/room/room")
                .query("roomId", ROOM).query("userId", "me").query("token", token("me"))
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()))
                .build());
        simulator.show(program, null);
        awaitPageData("the mini-program joined", data -> data.path("joined").asBoolean());
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        simulator.close();
        program.close();
        host.close();
        server.close();
    }

    @BeforeEach
    void openPage() {
        browser.get(simulator.pageUri(server.httpUri()).toString());
        waitFor(ExpectedConditions.textToBe(By.id("connection"), "connected"));
        waitFor(d -> !d.findElement(By.id("phone-room")).getText().isEmpty());
    }

    @AfterEach
    void cleanUp(TestInfo test) throws Exception {
        Chromium.screenshot(browser, test.getTestMethod().orElseThrow().getName());
        WebElement leave = browser.findElement(By.id("browser-leave"));
        if (leave.isEnabled()) {
            leave.click();
            waitFor(ExpectedConditions.textToBe(By.id("browser-status"), "left"));
        }
        for (RemoteParticipant p : simulator.remotes()) {
            simulator.removeRemote(p.userId());
        }
        awaitPageData("only the mini-program is left", data -> data.path("members").toString().equals("[\"me\"]"));
    }

    @Test
    void a_participant_added_on_the_page_appears_in_the_room_and_in_the_mini_program_and_leaves_when_removed() throws Exception {
        addParticipantOnThePage("bob");

        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rooms li[data-member='bob']")));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#phone-members li[data-view-member='bob']")));
        awaitPageData("bob is a member", data -> strings(data.path("members")).contains("bob"));
        waitFor(d -> pageDataShown().path("members").toString().contains("bob"));

        clickInRemoteRow("bob", "Remove");

        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rooms li[data-member='bob']"), 0));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#phone-members li[data-view-member='bob']"), 0));
        awaitPageData("bob left", data -> !strings(data.path("members")).contains("bob"));
        waitFor(d -> !pageDataShown().path("members").toString().contains("bob"));
    }

    @Test
    void the_speaking_indicator_follows_a_participants_talk_pattern() {
        addParticipantOnThePage("carol");
        // Silence first, so that every later change is caused by the talk pattern.
        clickInRemoteRow("carol", "Silence");
        waitFor(d -> remoteRow("carol").getText().contains("mic: silence"));
        waitFor(d -> "false".equals(speakingAttribute("carol")));

        clickInRemoteRow("carol", "Talk");
        waitFor(d -> remoteRow("carol").getText().contains("talk 2000ms/2000ms"));
        // Two turns: speaking, quiet, speaking, quiet, as the server and the mini-program see it.
        for (String expected : List.of("true", "false", "true", "false")) {
            waitFor(d -> expected.equals(speakingAttribute("carol")));
        }
        waitFor(d -> !browser.findElements(By.cssSelector("#phone-members li[data-view-member='carol'] .speaking")).isEmpty());
        waitFor(d -> pageDataShown().path("speakers").toString().contains("carol"));
    }

    @Test
    void a_participants_publish_buttons_act_on_the_room_and_drop_connection_makes_it_vanish() throws Exception {
        addParticipantOnThePage("erin");
        awaitPageData("erin publishes video", data -> strings(data.path("videoMembers")).contains("erin"));

        clickInRemoteRow("erin", "Share screen");
        awaitPageData("screenMembers lists erin", data -> strings(data.path("screenMembers")).contains("erin"));
        waitFor(d -> badgeOn("erin", "screen"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='erin/screen'] img")));
        clickInRemoteRow("erin", "Stop screen");
        awaitPageData("erin stopped sharing", data -> !strings(data.path("screenMembers")).contains("erin"));

        clickInRemoteRow("erin", "Unpublish video");
        awaitPageData("videoMembers no longer lists erin", data -> !strings(data.path("videoMembers")).contains("erin"));
        waitFor(d -> !badgeOn("erin", "cam"));
        clickInRemoteRow("erin", "Publish video");
        awaitPageData("erin publishes video again", data -> strings(data.path("videoMembers")).contains("erin"));

        // As a crashed client: no leave; the server notices the silence and the mini-program sees erin go.
        clickInRemoteRow("erin", "Drop connection");
        waitFor(d -> remoteRow("erin").getText().contains(ROOM + " · not joined"));
        awaitPageData("erin dropped out of the members", data -> !strings(data.path("members")).contains("erin"));
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rooms li[data-member='erin']"), 0));
    }

    private static boolean badgeOn(String userId, String badge) {
        return !browser.findElements(By.cssSelector("#rooms li[data-member='" + userId + "'] .badge.on[title='" + badge + " on']")).isEmpty();
    }

    @Test
    void a_video_tile_shows_the_frames_the_mini_program_decodes() {
        addParticipantOnThePage("dave");
        By image = By.cssSelector("#tiles [data-tile='dave/video'] img");
        String first = waitFor(d -> imageSource(d, image));
        waitFor(d -> {
            String now = imageSource(d, image);
            return now != null && !now.equals(first) ? now : null;
        });
        WebElement tile = browser.findElement(By.cssSelector("#tiles [data-tile='dave/video']"));
        waitFor(d -> Integer.parseInt(tile.getAttribute("data-frames")) >= 3);
        // The tile's JPEG decodes in the browser. Waited for rather than read once: each frame swaps
        // the image's source, and while the new one loads its natural width may read 0 (on a
        // busy machine that took long enough for a single read to land in it).
        waitFor(d -> ((Number) js("return arguments[0].naturalWidth", d.findElement(image))).intValue() > 0);
        // The mini-program's own camera preview is a tile as well.
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='me/video'] img")));
    }

    @Test
    void the_browser_joins_with_its_own_webrtc_and_media_flows_both_ways() throws Exception {
        String user = "chrome-a";
        joinFromTheBrowser(user);

        awaitPageData("the sample lists the browser", data -> strings(data.path("members")).contains(user));
        awaitPageData("the browser publishes video", data -> strings(data.path("videoMembers")).contains(user));
        waitFor(d -> pageDataShown().path("members").toString().contains(user));
        // webrtc-java decodes Chromium's camera and microphone in the mini-program ...
        RemoteMediaStats fromBrowser = awaitStats(user, s -> s.camera().framesDecoded() > 10 && s.audio().samplesDecoded() > 0);
        assertTrue(fromBrowser.camera().width() > 0, "decoded width " + fromBrowser.camera().width());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='" + user + "/video'] img")));
        // ... and Chromium plays the mini-program's video.
        By video = By.cssSelector("video[data-browser-remote='me/video']");
        waitFor(d -> ((Number) js("return arguments[0].videoWidth", d.findElement(video))).intValue() > 0);
        double before = ((Number) js("return arguments[0].currentTime", browser.findElement(video))).doubleValue();
        waitFor(d -> ((Number) js("return arguments[0].currentTime", d.findElement(video))).doubleValue() > before);
        // Speaking comes from the browser's real microphone level (Chromium's fake device beeps).
        awaitPageData("the browser's beeps make it a speaker", data -> strings(data.path("speakers")).contains(user));
    }

    @Test
    void a_screen_share_from_the_browser_reaches_the_mini_programs_screen_members() throws Exception {
        String user = "chrome-b";
        joinFromTheBrowser(user);
        awaitPageData("the sample lists the browser", data -> strings(data.path("members")).contains(user));

        browser.findElement(By.id("browser-screen")).click();

        waitFor(d -> d.findElement(By.id("browser-status")).getText().contains("sharing the screen"));
        awaitPageData("screenMembers lists the browser", data -> strings(data.path("screenMembers")).contains(user));
        RemoteMediaStats screen = awaitStats(user, s -> s.screen().framesDecoded() > 3);
        assertNotEquals(0, screen.screen().width());
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='" + user + "/screen'] img")));
        waitFor(d -> pageDataShown().path("screenMembers").toString().contains(user));
    }

    @Test
    void a_browser_kicked_by_a_duplicate_login_can_join_again() throws Exception {
        joinFromTheBrowser("twin");
        awaitPageData("the sample lists the browser", data -> strings(data.path("members")).contains("twin"));

        RemoteParticipant twin = simulator.addRemote("twin", ROOM);
        twin.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        waitFor(d -> d.findElement(By.id("browser-status")).getText().startsWith("kicked: "));
        waitFor(ExpectedConditions.elementToBeClickable(By.id("browser-join")));
        assertTrue(!browser.findElement(By.id("browser-leave")).isEnabled(), "Leave is off once kicked");
        simulator.removeRemote("twin");
        joinFromTheBrowser("twin");
    }

    @Test
    void showing_no_instance_clears_the_phone_and_its_tiles() throws Exception {
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='me/video'] img")));
        simulator.show(null, null);
        try {
            waitFor(ExpectedConditions.textToBe(By.id("phone-instance"), "no instance"));
            waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tiles [data-tile]"), 0));
        } finally {
            simulator.show(program, null);
        }
        waitFor(ExpectedConditions.textToBe(By.id("phone-instance"), program.id()));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='me/video'] img")));
    }

    // ---- page actions ------------------------------------------------------------------------------

    private void addParticipantOnThePage(String userId) {
        WebElement user = browser.findElement(By.id("remote-user"));
        user.clear();
        user.sendKeys(userId);
        assertEquals(ROOM, browser.findElement(By.id("remote-room")).getAttribute("value"));
        browser.findElement(By.id("add-remote-button")).click();
        waitFor(d -> remoteRow(userId).getText().contains(ROOM + " · joined"));
    }

    private void joinFromTheBrowser(String userId) {
        WebElement user = browser.findElement(By.id("browser-user"));
        user.clear();
        user.sendKeys(userId);
        browser.findElement(By.id("browser-join")).click();
        waitFor(ExpectedConditions.textToBe(By.id("browser-status"), "joined " + ROOM + " as " + userId));
    }

    private static void clickInRemoteRow(String userId, String button) {
        waitFor(d -> {
            remoteRow(userId).findElement(By.xpath(".//button[text()='" + button + "']")).click();
            return true;
        });
    }

    private static WebElement remoteRow(String userId) {
        return browser.findElement(By.cssSelector("#remotes li[data-remote='" + userId + "']"));
    }

    private static String speakingAttribute(String userId) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#rooms li[data-member='" + userId + "']"));
        return rows.isEmpty() ? null : rows.get(0).getAttribute("data-speaking");
    }

    private static String imageSource(WebDriver d, By image) {
        List<WebElement> found = d.findElements(image);
        return found.isEmpty() ? null : found.get(0).getAttribute("src");
    }

    /** The page data as the page's JSON tree holds it. */
    private static JsonNode pageDataShown() {
        try {
            String json = browser.findElement(By.id("page-data")).getAttribute("data-json");
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        // The page re-renders its lists as state arrives: a found element may be replaced before it is read.
        return new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(SimulatorPageTest::pageState)
                .until(condition::apply);
    }

    /**
     * What the page showed when a wait gave up (its connection, its last error and its lists) and
     * what the simulator thread was doing: a CI log must be enough to tell why.
     */
    private static String pageState() {
        return shownOnThePage() + "; " + simulatorThread();
    }

    private static String simulatorThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("tt-simulator"))
                .map(e -> "tt-simulator " + e.getKey().getState() + " at\n    " + Arrays.stream(e.getValue())
                        .limit(25).map(String::valueOf).collect(Collectors.joining("\n    ")))
                .findFirst().orElse("no tt-simulator thread");
    }

    private static String shownOnThePage() {
        try {
            return "the page showed: connection '" + browser.findElement(By.id("connection")).getText()
                    + "', error '" + browser.findElement(By.id("error")).getAttribute("textContent")
                    + "', participants [" + browser.findElement(By.id("remotes")).getText().replace('\n', ' ')
                    + "], rooms [" + browser.findElement(By.id("rooms")).getText().replace('\n', ' ') + "]";
        } catch (RuntimeException e) {
            return "the page could not be read: " + e.getMessage();
        }
    }

    // ---- the mini-program's side -----------------------------------------------------------------

    static String token(String userId) {
        return AccessToken.issue(DevelopmentApp.APP_ID, ROOM, userId, System.currentTimeMillis() / 1000, 3600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static void awaitPageData(String what, Predicate<JsonNode> check) throws InterruptedException {
        Eventually.await(what + " (last: the page data)", TIMEOUT, program::pageData, check);
    }

    /** What the mini-program decodes from {@code userId}, once it passes {@code check}. */
    static RemoteMediaStats awaitStats(String userId, Predicate<RemoteMediaStats> check) throws Exception {
        return Eventually.await("the mini-program decoding what was expected from " + userId, TIMEOUT, () -> {
            RtcRoom room = MiniProgramRtc.of(program).currentRoom();
            return room == null ? null : room.remoteMedia(UserId.of(userId)).map(m -> m.stats().orTimeout(5, TimeUnit.SECONDS).join()).orElse(null);
        }, stats -> stats != null && check.test(stats));
    }
}
