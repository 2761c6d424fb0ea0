package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Values crossing from JS to the host are converted as JS converts them; the sandbox sees no host setting. */
class JsConversionsTest extends HostTestBase {

    @Test
    void timer_delays_are_converted_as_browsers_do() throws Exception {
        MiniProgram app = launchPage("Page({});");
        // Fractional, NaN, negative, string, Infinity and huge delays: none throws; the short ones fire.
        eval(app, "const fired = [];\n"
                + "setTimeout(() => fired.push('frame'), 1000 / 60);\n"
                + "setTimeout(() => fired.push('nan'), NaN);\n"
                + "setTimeout(() => fired.push('negative'), -5);\n"
                + "setTimeout(() => fired.push('text'), 'abc');\n"
                + "setTimeout(() => fired.push('numeric text'), '2.5');\n"
                + "setTimeout(() => fired.push('object'), { valueOf() { return 1.5; } });\n"
                + "const far = [Infinity, 2 ** 40, 1e300, Number.MAX_VALUE].map(d => setTimeout(() => fired.push('never'), d));\n"
                + "const interval = setInterval(() => { fired.push('interval'); clearInterval(interval); }, 0.4);\n"
                + "far.forEach(clearTimeout);\n"
                + "setTimeout(() => console.log(JSON.stringify(fired.sort())), 40);");
        waitForConsole(app, "[\"frame\",\"interval\",\"nan\",\"negative\",\"numeric text\",\"object\",\"text\"]");
        assertEquals(List.of(), errors(app));
    }

    @Test
    void clearing_a_timer_with_any_value_never_throws() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("\"cleared\""), eval(app, "const id = setTimeout(() => console.log('not cleared'), 20);\n"
                + "[1.5, -1, 0, NaN, Infinity, 2 ** 60, '1.5', 'x', null, undefined, {}, [], Symbol('s'), 10n,\n"
                + " { valueOf() { throw new Error('no'); } }, new Proxy({}, { get() { throw new Error('trap'); } }),\n"
                + " () => 1].forEach(v => { clearTimeout(v); clearInterval(v); });\n"
                + "clearTimeout(String(id)); 'cleared'"));
        eval(app, "setTimeout(() => console.log('later'), 40)");
        waitForConsole(app, "later");
        assertEquals(false, Waits.consoleLines(app).contains("not cleared"), "a numeric string names its timer");
        assertEquals(List.of(), errors(app));
    }

    @Test
    void a_delay_js_cannot_convert_throws_the_js_error() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("[\"TypeError\",\"TypeError\",\"Error: mine\"]"), eval(app, "[10n, Symbol('s'), { valueOf() { throw new Error('mine'); } }]"
                + ".map(d => { try { setTimeout(() => {}, d); return 'set'; } catch (e) { return e instanceof TypeError ? 'TypeError' : String(e); } })"));
        JsonNode message = eval(app, "try { setTimeout(() => {}, 1n); } catch (e) { e.message }");
        assertEquals(false, message.asText().contains("java"), message.asText());
    }

    @Test
    void the_sandbox_sees_utc_and_en_us_unless_the_embedder_chooses() throws Exception {
        String probe = "[new Date(0).getTimezoneOffset(), Intl.DateTimeFormat().resolvedOptions().timeZone,"
                + " Intl.DateTimeFormat().resolvedOptions().locale, new Date(0).toString().slice(16, 33)]";
        // The host itself runs elsewhere: what the sandbox sees must not follow it.
        TimeZone hostZone = TimeZone.getDefault();
        Locale hostLocale = Locale.getDefault();
        MiniProgram plain;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.GERMANY);
            plain = launchPage("Page({});");
        } finally {
            TimeZone.setDefault(hostZone);
            Locale.setDefault(hostLocale);
        }
        assertEquals(json("[0,\"UTC\",\"en-US\",\"00:00:00 GMT+0000\"]"), eval(plain, probe));
        MiniProgram chosen = launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index", "Page({});").write())
                .timeZone(ZoneId.of("Asia/Shanghai")).locale(Locale.forLanguageTag("zh-CN")));
        JsonNode seen = eval(chosen, probe);
        assertEquals(-480, seen.get(0).asInt());
        assertEquals("Asia/Shanghai", seen.get(1).asText());
        assertEquals("zh-CN", seen.get(2).asText());
    }

    @Test
    void require_of_an_impossible_path_throws_a_type_error_without_java_text() throws Exception {
        MiniProgram app = launchPage("globalThis.req = require;\nPage({});");
        JsonNode seen = eval(app, "['./a\\u0000b', './\\ud800x', '\\udc00', 'x\\u0000'].map(p => {"
                + " try { req(p); return 'loaded'; } catch (e) { return e.constructor.name + ': ' + e.message; } })");
        assertEquals("TypeError: require: \"./a\\u0000b\" is not a valid module path (it holds a NUL character or a lone surrogate)",
                seen.get(0).asText());
        for (JsonNode message : seen) {
            assertEquals(true, message.asText().startsWith("TypeError: require: "), message.asText());
            assertEquals(false, message.asText().toLowerCase(Locale.ROOT).contains("java"), message.asText());
        }
    }

    @Test
    void require_of_a_file_past_the_size_limit_throws_a_range_error() throws Exception {
        ProjectFolder folder = ProjectFolder.in(dir).page("pages/index/index", "globalThis.req = require;\nPage({});");
        java.nio.file.Path project = folder.write();
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(project.resolve("huge.js").toFile(), "rw")) {
            huge.setLength((16L << 20) + 1); // sparse: costs no disk
        }
        MiniProgram app = launch(project);
        assertEquals(json("\"RangeError: require: huge.js is larger than 16 MB, the host's limit for one script\""),
                eval(app, "try { req('/huge'); } catch (e) { e.constructor.name + ': ' + e.message }"));
    }

    @Test
    void values_past_the_json_readers_limits_fail_as_js_does_not_with_java_text() throws Exception {
        MiniProgram app = launchPage("Page({ data: {} });");
        // Past Jackson's string limit (20,000,000 characters) and nesting limit (1000), in setData, storage and
        // API parameters.
        // Strings of 20 MB take a while in the interpreter on a busy machine: one task per attempt, generous deadlines.
        slowEval(app, "globalThis.long = 'x'.repeat(20000001); globalThis.deep = []; for (let i = 0; i < 1500; i++) deep = [deep];"
                + " globalThis.attempt = (f) => { try { f(); return 'ok'; } catch (e) { return e.constructor.name + ': ' + e.message; } }; 1");
        List<String> attempts = List.of("getCurrentPages()[0].setData({ a: long })", "getCurrentPages()[0].setData({ b: deep })",
                "tt.setStorageSync('k', long)", "tt.setStorageSync(long, 1)", "tt.setStorageSync('d', deep)",
                "tt.showToast({ title: long })", "tt.showToast({ title: 'x', extra: deep })", "tt.showToast({ [long]: 1, title: 'y' })");
        List<JsonNode> seen = new java.util.ArrayList<>();
        for (String attempt : attempts) {
            seen.add(slowEval(app, "attempt(() => " + attempt + ")"));
        }
        assertEquals("RangeError: setData: the value holds a string longer than 20000000 characters (the host's limit)",
                seen.get(0).asText());
        assertEquals("Error: setStorageSync:fail the value holds a string longer than 20000000 characters (the host's limit)",
                seen.get(2).asText());
        assertEquals("Error: setStorageSync:fail exceed storage max size 10Mb", seen.get(3).asText());
        assertEquals("ok", seen.get(5).asText(), "the log keeps a cut copy; the toast gets the whole title");
        for (JsonNode result : seen) {
            String text = result.asText();
            assertEquals(false, text.toLowerCase(Locale.ROOT).contains("java") || text.contains("Exception")
                    || text.contains("invalid JSON"), text);
        }
        for (HostEvent event : app.events().snapshot()) {
            assertEquals(false, event.text().contains("Exception") || event.text().contains("java."), event.text());
        }
    }

    private static JsonNode slowEval(MiniProgram app, String source) throws Exception {
        return app.evaluate(source).get(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Test
    void a_params_getter_runs_once_and_the_log_shows_what_the_api_used() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("1"), eval(app, "let reads = 0;\n"
                + "tt.showToast({ get title() { reads++; return 'title ' + reads; }, icon: 'none' }); reads"));
        HostEvent call = app.events().snapshot(e -> e.kind() == HostEvent.Kind.API_CALL && e.name().equals("showToast")).get(0);
        HostEvent ui = app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI && e.name().equals("showToast")).get(0);
        assertEquals("title 1", call.data().path("params").path("title").asText());
        assertEquals(true, ui.toString().contains("title 1"), ui.toString());
        // A throwing getter the API never reads does not fail the call; one it reads throws as it would in JS.
        assertEquals(json("[\"ok\",\"Error: mine\"]"), eval(app,
                "[{ title: 'a', get unused() { throw new Error('no'); } }, { get title() { throw new Error('mine'); } }]"
                        + ".map(p => { try { tt.showToast(p); return 'ok'; } catch (e) { return String(e); } })"));
    }
}
