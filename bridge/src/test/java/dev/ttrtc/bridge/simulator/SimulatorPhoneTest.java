package dev.ttrtc.bridge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Chromium;
import dev.ttrtc.testkit.Eventually;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The phone frame in headless Chromium: the sample's own room page rendered from its TTML,
 * clicks in the frame reaching the page's handlers, text following setData, and rtc-room
 * elements showing the live video the mini-program decodes.
 */
class SimulatorPhoneTest {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String ROOM = SimulatorPageTest.ROOM;

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
                .query("roomId", ROOM).query("userId", "me").query("token", SimulatorPageTest.token("me"))
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()))
                .build());
        simulator.show(program, null);
        awaitPageData("the mini-program joined", data -> data.path("joined").asBoolean());
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
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
        waitFor(d -> !frame().findElements(By.cssSelector("tt-page .header")).isEmpty());
    }

    @AfterEach
    void screenshot(TestInfo test) {
        Chromium.screenshot(browser, "phone-" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void the_frame_shows_the_pages_own_markup_under_its_navigation_bar() {
        waitFor(ExpectedConditions.textToBe(By.id("phone-nav-title"), "Room"));
        waitFor(d -> frameText(".header").startsWith(ROOM + " · me"));
        List<String> buttons = frame().findElements(By.cssSelector(".controls tt-button")).stream().map(WebElement::getText).toList();
        assertEquals(3, buttons.size(), buttons.toString());
        assertEquals("Leave", buttons.get(2));
    }

    @Test
    void a_click_in_the_frame_reaches_the_pages_handler_and_its_text_follows() throws Exception {
        boolean before = program.pageData().path("micOn").asBoolean();
        String expected = before ? "Unmute" : "Mute";
        waitFor(d -> {
            frame().findElements(By.cssSelector(".controls tt-button")).get(0).click();
            return true;
        });
        awaitPageData("the handler toggled the microphone", data -> data.path("micOn").asBoolean() != before);
        waitFor(d -> frame().findElements(By.cssSelector(".controls tt-button")).get(0).getText().equals(expected));
    }

    @Test
    void text_follows_set_data() throws Exception {
        program.evaluate("getCurrentPages().pop().setData({ state: 'set by the test' })").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        waitFor(d -> frameText(".header .hint").equals("set by the test"));
    }

    @Test
    void rtc_room_elements_show_the_decoded_video_and_it_moves() throws Exception {
        RemoteParticipant dave = simulator.addRemote("dave", ROOM);
        try {
            dave.startCapture(MediaKind.VIDEO);
            dave.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            By picture = By.cssSelector("tt-rtc-room[data-tile='dave/video'] > img");
            String first = waitFor(d -> source(picture));
            waitFor(d -> {
                String now = source(picture);
                return now != null && !now.equals(first);
            });
            waitFor(d -> Integer.parseInt(frame().findElement(picture).getAttribute("data-frames")) >= 5);
            // The local preview is an rtc-room of mode camera, and shows as well.
            waitFor(d -> source(By.cssSelector("tt-rtc-room[data-mode='camera'][data-tile='me/video'] > img")) != null);
            // The tiles beside the phone show the same pictures.
            waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiles [data-tile='dave/video'] img")));
        } finally {
            simulator.removeRemote("dave");
        }
    }

    /**
     * A project's own image and video in the frame: both served from the project (its code is
     * not), the image previewed over the page until tapped, the video played by the browser at
     * the VideoContext's command, and its playback reaching the page as play, timeupdate and ended.
     */
    @Test
    void a_video_plays_in_the_frame_at_the_pages_command_and_its_events_reach_the_page(@TempDir Path dir) throws Exception {
        showing(mediaProject(dir), videoPage -> {
            waitFor(d -> frame().findElements(By.cssSelector("tt-video video")).size() == 1);
            // The picture decodes in the browser: the simulator served the project's file.
            waitFor(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth",
                    frame().findElement(By.cssSelector("tt-image img")))).intValue() == 2);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Void> tone = http.send(HttpRequest.newBuilder(server.httpUri().resolve("/media/tone.wav")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, tone.statusCode());
            assertEquals("nosniff", tone.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(404, http.send(HttpRequest.newBuilder(server.httpUri().resolve("/pages/index/index.js")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "a project's code is not served");
            assertEquals(403, http.send(HttpRequest.newBuilder(server.httpUri().resolve("/media/tone.wav"))
                    .header("Sec-Fetch-Site", "cross-site").build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                    "another site's page gets nothing");

            videoPage.callPageMethod("preview", PageEvent.tap()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            waitFor(d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth",
                    d.findElement(By.id("preview-image")))).intValue() == 2);
            assertEquals("1 / 2", browser.findElement(By.id("preview-caption")).getText());
            browser.findElement(By.id("preview")).click();
            waitFor(d -> !d.findElement(By.id("preview")).isDisplayed());

            videoPage.callPageMethod("start", PageEvent.tap()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Eventually.await("the page heard the video play to its end (last: the page data)", TIMEOUT, videoPage::pageData,
                    data -> data.path("events").size() == 3);
            assertEquals("[\"play\",\"timeupdate of 1 s\",\"ended\"]", videoPage.pageData().path("events").toString());
            assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return arguments[0].ended",
                    frame().findElement(By.cssSelector("tt-video video"))));
        });
    }

    /**
     * A picker-view in the frame: its columns start scrolled to the chosen rows, and a user who
     * scrolls a column to another row tells the page (the column settles on that row).
     */
    @Test
    void a_picker_view_column_scrolled_in_the_frame_chooses_its_row(@TempDir Path dir) throws Exception {
        Path project = onePageProject(dir, "<picker-view value=\"{{at}}\" bindchange=\"changed\">"
                + "<picker-view-column><view tt:for=\"{{rows}}\">{{item}}</view></picker-view-column>"
                + "<picker-view-column><view tt:for=\"{{rows}}\">{{item}}</view></picker-view-column></picker-view>",
                "Page({ data: { rows: ['a', 'b', 'c', 'd', 'e', 'f'], at: [2, 0],"
                + " picked: [] }, changed(e) { this.setData({ picked: e.detail.value }); } });");
        showing(project, pickerPage -> {
            By columns = By.cssSelector("tt-picker-view-column");
            waitFor(d -> frame().findElements(columns).size() == 2);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            waitFor(d -> ((Number) js.executeScript("return arguments[0].scrollTop", frame().findElements(columns).get(0)))
                    .intValue() == 68);
            js.executeScript("arguments[0].scrollTop = 4 * 34", frame().findElements(columns).get(1));
            Eventually.await("the page heard the second column's new row (last: the page data)", TIMEOUT, pickerPage::pageData,
                    data -> data.path("picked").toString().equals("[2,4]"));
        });
    }

    /** A slider let go, pickers' options chosen and a swiper swiped in the frame reach the page as their change events. */
    @Test
    void a_slider_a_picker_and_a_swiper_used_in_the_frame_tell_the_page(@TempDir Path dir) throws Exception {
        Path project = onePageProject(dir, "<slider id=\"s\" value=\"3\" bindchange=\"slid\"/>"
                + "<picker id=\"p\" range=\"{{fruits}}\" bindchange=\"picked\"><view>pick</view></picker>"
                + "<picker id=\"m\" mode=\"multiSelector\" range=\"{{[fruits, fruits]}}\" bindchange=\"paired\"><view>pair</view></picker>"
                + "<swiper id=\"w\" style=\"height: 100px\" bindchange=\"swiped\">"
                + "<swiper-item tt:for=\"{{fruits}}\"><view>{{item}}</view></swiper-item></swiper>",
                "Page({ data: { fruits: ['apple', 'pear', 'plum'], heard: [] },"
                + " add(what) { this.setData({ heard: this.data.heard.concat(what) }); },"
                + " slid(e) { this.add('slider ' + e.detail.value); }, picked(e) { this.add('picker ' + e.detail.value); },"
                + " paired(e) { this.add('pair ' + e.detail.value); },"
                + " swiped(e) { this.add('swiper ' + e.detail.current + ' ' + e.detail.source); } });");
        showing(project, controls -> {
            waitFor(d -> frame().findElements(By.cssSelector("tt-swiper-item")).size() == 3);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("const r = arguments[0]; r.value = 42; r.dispatchEvent(new Event('input', { bubbles: true }));"
                    + " r.dispatchEvent(new Event('change', { bubbles: true }));", frame().findElement(By.cssSelector("tt-slider input")));
            new org.openqa.selenium.support.ui.Select(frame().findElement(By.cssSelector("#p select"))).selectByIndex(2);
            new org.openqa.selenium.support.ui.Select(frame().findElement(By.cssSelector("#m select[data-column='1']")))
                    .selectByIndex(1);
            WebElement swiper = frame().findElement(By.id("w"));
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(swiper).clickAndHold()
                    .moveByOffset(-120, 0).release().perform();
            Eventually.await("the page heard the slider, the picker and the swipe (last: the page data)", TIMEOUT,
                    controls::pageData, data -> data.path("heard").size() == 4);
            assertEquals("[\"slider 42\",\"picker 2\",\"pair 0,1\",\"swiper 1 touch\"]", controls.pageData().path("heard").toString());
        });
    }

    /** An animation export in the frame: the browser moves the element to the last step's state. */
    @Test
    void an_animation_moves_the_element_in_the_frame(@TempDir Path dir) throws Exception {
        Path project = onePageProject(dir, "<view id=\"box\" style=\"width: 50px; height: 50px\" animation=\"{{a}}\"/>",
                "Page({ data: { a: null }, turn() { this.setData({ a: tt.createAnimation({ duration: 200 })"
                + " .translateX(30).step().opacity(0.5).step().export() }); } });");
        showing(project, animated -> {
            waitFor(d -> frame().findElements(By.id("box")).size() == 1);
            animated.callPageMethod("turn", PageEvent.tap()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            waitFor(d -> js.executeScript("const s = getComputedStyle(arguments[0]); return s.transform + ' ' + s.opacity",
                    frame().findElement(By.id("box"))).equals("matrix(1, 0, 0, 1, 30, 0) 0.5"));
        });
    }

    /** What a test does with its own project shown in the frame. */
    private interface FrameCheck {
        void run(MiniProgram shown) throws Exception;
    }

    /** Launches {@code project}, shows it in the frame for {@code check}, then shows the sample again. */
    private static void showing(Path project, FrameCheck check) throws Exception {
        MiniProgram shown = host.launch(LaunchOptions.builder(project).build());
        try {
            simulator.show(shown, null);
            check.run(shown);
        } finally {
            simulator.show(program, null);
            shown.close();
        }
    }

    /** A project of one page, pages/index/index, with this TTML and JS. */
    private static Path onePageProject(Path dir, String ttml, String js) throws IOException {
        Files.createDirectories(dir.resolve("pages/index"));
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(dir.resolve("app.js"), "App({});");
        Files.writeString(dir.resolve("pages/index/index.ttml"), ttml);
        Files.writeString(dir.resolve("pages/index/index.js"), js);
        return dir;
    }

    /** A page with a 2×2 PNG and a 1 s WAV tone (the browser plays audio-only files in a video element too). */
    private static Path mediaProject(Path dir) throws IOException {
        onePageProject(dir, "<image src=\"/media/dot.png\"/>"
                + "<video id=\"v\" src=\"/media/tone.wav\" muted bindplay=\"onPlay\" bindtimeupdate=\"onTime\" bindended=\"onEnded\"/>",
                "Page({ data: { events: [] },"
                + " add(what) { this.setData({ events: this.data.events.concat(what) }); },"
                + " onPlay() { this.add('play'); },"
                + " onTime(e) { if (!this.timed && e.detail.currentTime > 0) { this.timed = true;"
                + "  this.add('timeupdate of ' + Math.round(e.detail.duration) + ' s'); } },"
                + " onEnded() { this.add('ended'); },"
                + " start() { tt.createVideoContext('v').play(); },"
                + " preview() { tt.previewImage({ urls: ['/media/dot.png', 'https://example.com/b.png'] }); } });");
        Files.createDirectories(dir.resolve("media"));
        BufferedImage dot = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(dot, "png", dir.resolve("media/dot.png").toFile());
        Files.write(dir.resolve("media/tone.wav"), toneWav(8000, 1));
        return dir;
    }

    /** {@code seconds} of a 440 Hz sine as 16-bit mono PCM in a WAV container. */
    private static byte[] toneWav(int sampleRate, int seconds) {
        int samples = sampleRate * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / sampleRate) * 8000));
        }
        return wav.array();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The shadow root the page renders in. */
    static SearchContext frame() {
        return browser.findElement(By.id("phone-page")).getShadowRoot();
    }

    static String frameText(String css) {
        List<WebElement> found = frame().findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    static String source(By image) {
        List<WebElement> found = frame().findElements(image);
        return found.isEmpty() ? null : found.get(0).getAttribute("src");
    }

    static void awaitPageData(String what, Predicate<JsonNode> check) throws InterruptedException {
        Eventually.await(what + " (last: the page data)", TIMEOUT, program::pageData, check);
    }

    static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(IndexOutOfBoundsException.class)
                .until(condition::apply);
    }
}
