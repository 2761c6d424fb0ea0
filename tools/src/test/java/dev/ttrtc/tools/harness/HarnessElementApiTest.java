package dev.ttrtc.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's view of a rendered page ({@code app.$}, elements, {@code html}, {@code screenshot}) and its URL mappings. */
class HarnessElementApiTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines));
        return file;
    }

    /** A page with text, a keyed list with data-*, an input, a switch, a hidden part and a red block. */
    private void writeProject() throws IOException {
        write("app/app.json", "{\"pages\": [\"pages/index/index\"]}");
        write("app/app.js", "App({});");
        write("app/pages/index/index.ttml",
                "<view id=\"red\" style=\"width: 100px; height: 100px; background: #ff0000\"></view>",
                "<view id=\"title\" class=\"title big\">{{title}}</view>",
                "<view class=\"item\" tt:for=\"{{items}}\" tt:key=\"id\" data-item-id=\"{{item.id}}\" data-label=\"{{item.name}}\" bindtap=\"pick\">{{item.name}}</view>",
                "<input id=\"name\" value=\"{{name}}\" bindinput=\"typed\"/>",
                "<switch id=\"mute\" checked=\"{{muted}}\" bindchange=\"toggled\"/>",
                "<view id=\"secret\" hidden=\"{{!shown}}\">secret</view>",
                "<scroll-view id=\"list\" scroll-y style=\"height: 40px\" bindscroll=\"scrolled\"><view style=\"height: 400px\">long</view></scroll-view>",
                "<view id=\"custom\" bind:ping=\"pinged\"></view>");
        write("app/pages/index/index.js",
                "Page({",
                "  data: { title: 'Hello', items: [{ id: 1, name: 'ann' }, { id: 2, name: 'bob' }], name: '', muted: false, shown: false },",
                "  pick(e) { this.setData({ title: 'picked ' + e.currentTarget.dataset.label, picked: e.currentTarget.dataset.itemId }); },",
                "  typed(e) { this.setData({ name: e.detail.value }); },",
                "  toggled(e) { this.setData({ muted: e.detail.value, shown: e.detail.value }); },",
                "  scrolled(e) { this.setData({ scrollTop: e.detail.scrollTop }); },",
                "  pinged(e) { this.setData({ ping: e.detail.n, pingType: e.type }); }",
                "});");
    }

    private static Recording run(Path file) {
        return Recording.run(new Recording(), 1, file);
    }

    private static void assertAllPassed(Recording r) {
        assertTrue(!r.results.isEmpty() && r.statuses().stream().allMatch(s -> s == TestResult.Status.PASSED),
                r.results.toString());
    }

    @Test
    void queries_read_what_the_page_shows_and_actions_reach_its_handlers() throws IOException {
        writeProject();
        Path file = write("view.test.js",
                "test('elements', async (t) => {",
                "  const app = await t.launch('app');",
                "  t.equal(app.$('#title').text(), 'Hello');",
                "  t.equal(app.$('#title').tag, 'view');",
                "  t.equal(app.$('#title').attr('class'), 'title big');",
                "  t.equal(app.$('#title').attr('nope'), null);",
                "  t.equal(app.$('#nothing'), null);",
                "  t.deepEqual(app.$$('#nothing'), []);",
                "  const items = app.$$('.item');",
                "  t.deepEqual(items.map((e) => e.text()), ['ann', 'bob']);",
                "  t.deepEqual(items[1].dataset(), { itemId: 2, label: 'bob' });",
                "  await items[1].tap();",
                "  t.equal(app.data().picked, 2);",
                "  t.equal(app.$('#title').text(), 'picked bob');",
                "  await app.$('#name').input('Zoe');",
                "  t.equal(app.data().name, 'Zoe');",
                "  t.equal(app.$('input').text(), 'Zoe');",
                "  t.equal(app.$('#secret').visible(), false);",
                "  await app.$('#mute').change(true);",
                "  t.equal(app.data().muted, true);",
                "  t.equal(app.$('#secret').visible(), true);",
                "  t.equal(app.$('page > #secret').text(), 'secret');",
                "  await app.$('#list').scroll({ top: 120 });",
                "  t.equal(app.data().scrollTop, 120);",
                "  await app.$('#custom').trigger('ping', { n: 7 });",
                "  t.deepEqual([app.data().ping, app.data().pingType], [7, 'ping']);",
                "  t.match(app.html(), /<html[\\s\\S]*picked bob[\\s\\S]*<\\/html>/);",
                "});",
                "test('a selector outside the grammar throws a readable error', async (t) => {",
                "  const app = await t.launch('app');",
                "  let thrown = null;",
                "  try { app.$('view::after'); } catch (e) { thrown = e; }",
                "  t.ok(thrown instanceof Error, 'a JS Error, not a Java exception');",
                "  t.match(thrown.message, /^unsupported selector \"view::after\"/);",
                "  t.ok(!/java|Exception/.test(String(thrown)), String(thrown));",
                "});",
                "test('a data check counts by truthiness and a throwing one says why when the wait times out', async (t) => {",
                "  const app = await t.launch('app');",
                "  t.deepEqual((await app.waitForData((d) => d.items.length)).items.length, 2);",
                "  t.equal((await app.waitForData((d) => d.nothing || 'yes')).picked, undefined);",
                "  const late = await t.rejects(app.waitForData((d) => d.nope.x, { timeout: 300 }));",
                "  t.match(late.message, /timed out after 300 ms waiting for page data passing .*; the check last threw TypeError: /);",
                "  await t.rejects(app.waitForData(async (d) => d.items.length === 5, { timeout: 60000 }),",
                "    /check must answer at once, not with a promise; use t.waitUntil/);",
                "});",
                "test('an element of a removed node fails its actions', async (t) => {",
                "  const app = await t.launch('app');",
                "  const bob = app.$$('.item')[1];",
                "  await app.evaluate(() => getCurrentPages()[0].setData({ items: [{ id: 1, name: 'ann' }] }));",
                "  t.equal(app.$$('.item').length, 1);",
                "  t.equal(bob.visible(), false);",
                "  await t.rejects(bob.tap());",
                "});");
        assertAllPassed(run(file));
    }

    @Test
    void a_test_that_passes_while_the_mini_program_threw_says_so_in_the_report() throws IOException {
        writeProject();
        Path file = write("errors.test.js",
                "test('a handler throws', async (t) => {",
                "  const app = await t.launch('app');",
                "  await app.evaluate(() => { setTimeout(() => { throw new Error('handler broke'); }, 0); });",
                "  await app.waitFor({ kind: 'error' });",
                "});",
                "test('nothing throws', async (t) => {",
                "  await t.launch('app');",
                "});");
        Recording r = run(file);
        assertAllPassed(r);
        assertEquals(1, r.console.size(), r.console.toString());
        assertTrue(r.console.get(0).startsWith("note: the mini-program logged 1 error (app.errors(); t.deepEqual(app.errors(), [])"
                + " fails the test on them); the first: ") && r.console.get(0).endsWith("Uncaught Error: handler broke"),
                r.console.get(0));
    }

    @Test
    void screenshot_writes_a_png_of_the_page_at_the_window_size() throws IOException {
        assumeTrue(PageScreenshot.chromium().isPresent(), "no Chromium on this machine");
        writeProject();
        Path file = write("shot.test.js",
                "test('screenshot', async (t) => {",
                "  const app = await t.launch('app', { systemInfo: { windowWidth: 320, windowHeight: 480 } });",
                "  const path = await app.screenshot('shots/page.png');",
                "  t.match(path, /shots\\/page\\.png$/);",
                "});");
        assertAllPassed(run(file));
        BufferedImage png = ImageIO.read(dir.resolve("shots/page.png").toFile());
        assertEquals(List.of(320, 480), List.of(png.getWidth(), png.getHeight()));
        int red = png.getRGB(50, 50) & 0xffffff;
        assertEquals(0xff0000, red, Integer.toHexString(red));
        int belowRed = png.getRGB(50, 300) & 0xffffff;
        assertTrue(belowRed != 0xff0000, Integer.toHexString(belowRed));
    }

    @Test
    void screenshot_without_chromium_rejects_with_a_clear_error() throws IOException {
        writeProject();
        Path file = write("noshot.test.js",
                "test('no chromium', async (t) => {",
                "  const app = await t.launch('app');",
                "  await t.rejects(app.screenshot('page.png'), /^app.screenshot: the property ttrtc.chromium is .*no-such-browser, which is not an executable program$/);",
                "});");
        String before = System.getProperty("ttrtc.chromium");
        System.setProperty("ttrtc.chromium", dir.resolve("no-such-browser").toString());
        try {
            assertAllPassed(run(file));
        } finally {
            if (before == null) {
                System.clearProperty("ttrtc.chromium");
            } else {
                System.setProperty("ttrtc.chromium", before);
            }
        }
        assertTrue(Files.notExists(dir.resolve("page.png")));
    }

    @Test
    void map_url_points_the_projects_server_at_a_local_one() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().toString());
            byte[] body = "{\"greeting\":\"hello from the local server\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            write("net/app.json", "{\"pages\": [\"pages/index/index\"]}");
            write("net/app.js", "App({});");
            write("net/pages/index/index.js",
                    "Page({ data: {}, onLoad() {",
                    "  tt.request({ url: 'https://api.example.com/v1/hello?x=1',",
                    "    success: (res) => this.setData({ status: res.statusCode, greeting: res.data.greeting }),",
                    "    fail: (res) => this.setData({ failed: res.errMsg }) });",
                    "} });");
            String local = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
            Path file = write("net.test.js",
                    "test('mapped', async (t) => {",
                    "  const app = await t.launch('net', { mapUrl: { 'https://api.example.com/v1': '" + local + "' } });",
                    "  const data = await app.waitForData((d) => d.status !== undefined || d.failed !== undefined);",
                    "  t.deepEqual(data, { status: 200, greeting: 'hello from the local server' });",
                    "});",
                    "test('a bad mapping fails the launch with its reason', async (t) => {",
                    "  await t.rejects(t.launch('net', { mapUrl: { 'api.example.com': '" + local + "' } }),",
                    "    /must be an absolute http, https, ws or wss address/);",
                    "});");
            assertAllPassed(run(file));
            assertEquals(List.of("/api/hello?x=1"), seen);
        } finally {
            server.stop(0);
        }
    }
}
