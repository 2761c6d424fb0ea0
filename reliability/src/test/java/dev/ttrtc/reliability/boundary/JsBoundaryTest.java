package dev.ttrtc.reliability.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values crossing from mini-program JS into the host: timer delays and ids of every kind, impossible
 * module paths, values past the host's JSON reader in setData, storage and API parameters, and a
 * built-in that outruns the watchdog. Each attempt must end as JS would end it (a JS error of a JS
 * type, the documented fail payload, or success), with no Java class name or exception text in
 * anything JS or the event log sees; the instance must keep answering (or, for the built-in, be
 * stopped without keeping a core busy).
 */
class JsBoundaryTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** Text that only the host's Java side could have produced. */
    private static final List<String> JAVA_MARKERS = List.of("java.", "Exception", "org.graalvm", "dev.ttrtc", "invalid JSON",
            "Java heap space", "ClassCast");

    @TempDir
    static Path dir;

    static MiniProgramHost host;

    @BeforeAll
    static void start() {
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void timer_delays_and_ids_of_every_kind_convert_as_in_js() throws Exception {
        MiniProgram app = launch("timers", "globalThis.req = require;\nPage({});");
        JsonNode results = eval(app, """
                const values = [1000 / 60, 0.4, 1.5, -1, -0, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 1e300,
                  Number.MAX_VALUE, Number.MIN_VALUE, '16.7', 'abc', '', '0x10', null, undefined, true, [], [5], {},
                  { valueOf() { return 2.5; } }, { valueOf() { throw new Error('mine'); } }, Symbol('s'), 10n, () => 1,
                  new Proxy({}, { get() { throw new Error('trap'); } }), new Date(0), Object.create(null)];
                const out = [];
                for (const v of values) {
                  for (const f of [setTimeout, setInterval]) {
                    try { const id = f(() => {}, v); clearTimeout(id); clearInterval(id); out.push('ok'); }
                    catch (e) { out.push(e.constructor.name + ': ' + e.message); }
                  }
                  for (const f of [clearTimeout, clearInterval]) {
                    try { f(v); out.push('ok'); } catch (e) { out.push('clear threw ' + e.constructor.name + ': ' + e.message); }
                  }
                }
                out""");
        List<String> failures = new ArrayList<>();
        for (JsonNode result : results) {
            String text = result.asText();
            boolean jsLike = text.equals("ok") || text.startsWith("TypeError: ") || text.equals("Error: mine")
                    || text.equals("Error: trap");
            if (!jsLike || text.startsWith("clear threw") || leaksJava(text)) {
                failures.add(text);
            }
        }
        failures.addAll(javaTextInLog(app));
        assertEquals("pong", eval(app, "'pong'").asText());
        Figures.record("JS/Java boundary", "timer delays and ids of 32 kinds through setTimeout/setInterval/clear* (JsBoundaryTest)",
                results.size(), failures.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void impossible_module_paths_throw_js_errors() throws Exception {
        MiniProgram app = launch("require", "globalThis.req = require;\nPage({});");
        JsonNode results = eval(app, """
                const paths = ['./a\\u0000b', '\\u0000', './x\\ud800', '\\udc00', '\\ud800\\ud800', './\\ud83d', 'a'.repeat(5000),
                  './' + 'a/'.repeat(3000) + 'b', '/etc/passwd', '../../../../etc/passwd', 'file:///etc/passwd', '%00', '\\n',
                  '.', '..', '/', '', ' ', 'node:fs', 'fs', 'http://127.0.0.1/x.js', './app.json\\u0000.js', 'C:\\\\x', '\\\\\\\\server\\\\x'];
                paths.map(p => { try { req(p); return 'loaded ' + p; } catch (e) { return e.constructor.name + ': ' + e.message; } })""");
        List<String> failures = new ArrayList<>();
        for (JsonNode result : results) {
            String text = result.asText();
            // '.', '..' and '/' name folders inside the project, whose index.js may load (as in Node).
            boolean inside = text.equals("loaded .") || text.equals("loaded ..") || text.equals("loaded /");
            if (!(inside || text.startsWith("TypeError: require: ") || text.startsWith("Error: require: ")) || leaksJava(text)) {
                failures.add(text);
            }
        }
        failures.addAll(javaTextInLog(app));
        assertEquals("pong", eval(app, "'pong'").asText());
        Figures.record("JS/Java boundary", "require of impossible paths: NUL, lone surrogates, huge, outside, URLs (JsBoundaryTest)",
                results.size(), failures.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void values_past_the_json_reader_fail_as_documented() throws Exception {
        MiniProgram app = launch("limits", "Page({ data: {} });");
        eval(app, "globalThis.long = 'x'.repeat(20000001); globalThis.deep = {}; let d = deep;"
                + " for (let i = 0; i < 1500; i++) { d.n = {}; d = d.n; }"
                + " globalThis.attempt = (f) => { try { f(); return 'ok'; } catch (e) { return e.constructor.name + ': ' + e.message; } }; 1");
        List<String> attempts = List.of(
                "getCurrentPages()[0].setData({ a: long })", "getCurrentPages()[0].setData({ [long]: 1 })",
                "getCurrentPages()[0].setData({ b: deep })", "tt.setStorageSync('k', long)", "tt.setStorageSync(long, 1)",
                "tt.setStorageSync('d', deep)", "tt.setStorage({ key: 'k', data: long })", "tt.setStorage({ key: long, data: 1 })",
                "tt.showToast({ title: long })", "tt.showToast({ title: 'x', [long]: 1 })", "tt.showModal({ title: 'x', content: long })",
                "tt.setClipboardData({ data: long })", "tt.request({ url: 'http://127.0.0.1:9/x', data: { big: long } })",
                "tt.request({ url: 'http://127.0.0.1:9/x', data: deep })", "tt.getStorageSync(long)", "console.log(long)",
                "console.log(deep)", "tt.reportAnalytics && tt.reportAnalytics(long, { a: long })");
        List<String> failures = new ArrayList<>();
        for (String attempt : attempts) {
            String text = eval(app, "attempt(() => " + attempt + ")").asText();
            boolean jsLike = text.equals("ok") || text.startsWith("RangeError: ") || text.matches("Error: \\w+:fail .*");
            if (!jsLike || leaksJava(text)) {
                failures.add(attempt + " -> " + text);
            }
        }
        failures.addAll(javaTextInLog(app));
        assertEquals("pong", eval(app, "'pong'").asText());
        Figures.record("JS/Java boundary", "strings and keys past Jackson's 20,000,000 characters and data nested 1500 deep in setData, "
                + "storage, API parameters, console (JsBoundaryTest)", attempts.size(), failures.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void a_built_in_that_outruns_the_watchdog_does_not_keep_a_core_busy() throws Exception {
        try (MiniProgramHost strict = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(1)))) {
            MiniProgram app = strict.launch(LaunchOptions.builder(project("bigint", "Page({ huge() { return String(3n ** 40000000n).length; } });"))
                    .name("outrun-bigint").build()); // a name no other test's instance has: its thread is looked up by name
            MiniProgram neighbour = strict.launch(LaunchOptions.builder(project("neighbour", "Page({});")).build());
            app.callPageMethod("huge", PageEvent.tap());
            HostEvent abandoned = app.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR && e.name().equals("abandoned"), TIMEOUT);
            String loop = "tt-loop-" + app.id();
            boolean stopped = abandoned.text().endsWith("it was stopped");
            if (stopped) {
                Eventually.await("the loop thread ended", Duration.ofSeconds(30),
                        () -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(loop)));
            }
            boolean held = app.isClosed() && !leaksJava(abandoned.text()) && (stopped || !ThreadStopAvailable.onThisJvm())
                    && neighbour.evaluate("'pong'").get(30, TimeUnit.SECONDS).asText().equals("pong");
            Figures.record("Runaway code", "String(3n ** 40000000n): a built-in that ignores interrupts; its loop thread stopped or "
                    + "abandoned with its CPU use reported (JsBoundaryTest)", 1, held ? 0 : 1);
            assertTrue(held, abandoned.text());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static MiniProgram launch(String name, String page) throws Exception {
        return host.launch(LaunchOptions.builder(project(name, page)).build());
    }

    private static Path project(String name, String page) throws Exception {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("pages/index"));
        Files.writeString(root.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(root.resolve("app.js"), "App({});");
        Files.writeString(root.resolve("pages/index/index.js"), page);
        return root;
    }

    private static JsonNode eval(MiniProgram app, String source) throws Exception {
        return app.evaluate(source).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static boolean leaksJava(String text) {
        return JAVA_MARKERS.stream().anyMatch(text::contains);
    }

    private static List<String> javaTextInLog(MiniProgram app) {
        return app.events().snapshot(e -> leaksJava(e.text())).stream().map(e -> "log: " + e.text()).toList();
    }

    /** Whether this JVM still lets a thread be made to throw from outside (JDK 19 and earlier). */
    private static final class ThreadStopAvailable {
        static boolean onThisJvm() {
            return Runtime.version().feature() < 20;
        }
    }
}
