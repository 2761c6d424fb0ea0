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
}
