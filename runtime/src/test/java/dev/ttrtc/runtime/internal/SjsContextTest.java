package dev.ttrtc.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.view.SjsException;
import dev.ttrtc.runtime.view.SjsModule;
import dev.ttrtc.runtime.view.SjsSandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SJS sandbox: module semantics, the SJS built-ins, what it refuses, and the statement limit. */
class SjsContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventLog log = new EventLog();
    private final SjsContext sjs = new SjsContext(log);
    private static final SjsSandbox.SjsRequire NO_REQUIRE = (from, spec) -> {
        throw new SjsException("no modules");
    };

    @AfterEach
    void close() {
        sjs.close();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private SjsModule module(String source) throws SjsException {
        return sjs.evaluate("utils.sjs", 0, source, NO_REQUIRE);
    }

    @Test
    void a_module_exports_data_and_functions_and_its_functions_run_with_js_semantics() throws Exception {
        SjsModule m = module("var PI = 3.14; function fmt(n, unit) { return n.toFixed(1) + unit; }\n"
                + "module.exports = { PI: PI, fmt: fmt, nested: { upper: function (s) { return s.toUpperCase(); } } };");
        assertEquals(json("{\"PI\":3.14,\"fmt\":{\"$sjsFunction\":\"fmt\"},\"nested\":{\"upper\":{\"$sjsFunction\":\"upper\"}}}"), m.exports());
        assertEquals(json("\"2.5px\""), m.call(List.of("fmt"), List.of(json("2.46"), json("\"px\""))));
        assertEquals(json("\"AB\""), m.call(List.of("nested", "upper"), List.of(json("\"ab\""))));
        assertTrue(m.call(List.of("fmt"), List.of(json("1"), json("null"))).isTextual());
    }

    @Test
    void sjs_type_checks_by_constructor_name_and_dates_come_from_get_date() throws Exception {
        SjsModule m = module("module.exports.kinds = function (a) { var d = getDate(0);"
                + " return [(1).constructor, 'x'.constructor, [].constructor, {}.constructor, d.constructor,"
                + " getRegExp('a+', 'g').constructor, typeof a, d.getTime(), [3, 1, 2].map(function (x) { return x * 2; })]; };");
        assertEquals(json("[\"Number\",\"String\",\"Array\",\"Object\",\"Date\",\"RegExp\",\"object\",0,[6,2,4]]"),
                m.call(List.of("kinds"), List.of(json("{}"))));
    }

    @Test
    void only_the_sjs_built_ins_are_there() throws Exception {
        SjsModule m = module("module.exports.probe = function () { return [typeof tt, typeof Promise, typeof Function,"
                + " typeof globalThis, typeof Map, typeof Math.max, typeof JSON.stringify, typeof Date.now, typeof Date.prototype,"
                + " typeof getApp, typeof require, typeof setTimeout]; };");
        assertEquals(json("[\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"function\",\"function\","
                + "\"function\",\"undefined\",\"undefined\",\"function\",\"undefined\"]"), m.call(List.of("probe"), List.of()));
    }

    @Test
    void syntax_the_platform_rejects_is_an_error_with_its_location() {
        Map<String, String> cases = Map.of(
                "var a = 1;\nlet b = 2;", "utils.sjs:2:1: SJS does not support 'let' declarations (SJS has only var)",
                "var f = function () {};\n  const x = 1;", "utils.sjs:2:3: SJS does not support 'const' declarations (SJS has only var)",
                "module.exports = { f: (a) => a };", "utils.sjs:1:27: SJS does not support arrow functions",
                "var s = `x`;", "utils.sjs:1:9: SJS does not support template strings",
                "var d = new Date();", "utils.sjs:1:9: SJS does not support 'new' (use getDate() and getRegExp())",
                "var a = [1]; var b = [...a];", "utils.sjs:1:23: SJS does not support spread and rest ('...')");
        cases.forEach((source, message) ->
                assertEquals(message, assertThrows(SjsException.class, () -> module(source)).getMessage(), source));
    }

    @Test
    void keywords_inside_strings_comments_and_regexps_are_fine() throws Exception {
        SjsModule m = module("// let const => `\n/* new class */\nvar s = 'let x => `y`'; var r = getRegExp('a'); var q = /new|let/g;\n"
                + "module.exports.s = function () { return s + (q.test('let') ? '!' : '?') + (4 / 2); };");
        assertEquals(json("\"let x => `y`!2\""), m.call(List.of("s"), List.of()));
    }

    @Test
    void an_inline_module_reports_lines_of_its_template() {
        SjsException e = assertThrows(SjsException.class,
                () -> sjs.evaluate("pages/a/a.ttml", 10, "\nvar x = 1;\nfoo(;", NO_REQUIRE));
        assertTrue(e.getMessage().startsWith("pages/a/a.ttml:13:"), e.getMessage());
    }

    @Test
    void require_reaches_other_modules_through_the_resolver() throws Exception {
        SjsModule base = sjs.evaluate("lib/base.sjs", 0, "module.exports = { twice: function (x) { return x * 2; } };", NO_REQUIRE);
        SjsModule m = sjs.evaluate("lib/main.sjs", 0,
                "var base = require('./base.sjs'); module.exports.four = function () { return base.twice(2); };",
                (from, spec) -> {
                    assertEquals("lib/main.sjs", from);
                    assertEquals("./base.sjs", spec);
                    return base;
                });
        assertEquals(json("4"), m.call(List.of("four"), List.of()));
        SjsException e = assertThrows(SjsException.class, () -> sjs.evaluate("lib/x.sjs", 0, "require('./nope.sjs');",
                (from, spec) -> {
                    throw new SjsException("lib/x.sjs: cannot require \"" + spec + "\"");
                }));
        assertEquals("lib/x.sjs: Error: lib/x.sjs: cannot require \"./nope.sjs\"", e.getMessage());
    }

    @Test
    void a_throwing_function_and_console_log() throws Exception {
        SjsModule m = module("module.exports.boom = function () { console.log('about to', 1, {a: 2}); throw new_error; };");
        SjsException e = assertThrows(SjsException.class, () -> m.call(List.of("boom"), List.of()));
        assertEquals("utils.sjs: ReferenceError: new_error is not defined", e.getMessage());
        HostEvent logged = log.snapshot().get(0);
        assertEquals("about to 1 {\"a\":2}", logged.text());
        assertEquals("not a function", assertThrows(SjsException.class,
                () -> m.call(List.of("nope"), List.of())).getMessage().replaceAll(".*nope is ", ""));
    }

    @Test
    void a_runaway_call_is_interrupted_and_the_sandbox_stays_usable() throws Exception {
        SjsModule m = module("var started = false; module.exports = { spin: function () { for (;;) {} }, ok: function () { return 1; } };");
        java.util.concurrent.CompletableFuture<String> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                m.call(List.of("spin"), List.of());
                outcome.complete("returned");
            } catch (SjsException e) {
                outcome.complete(e.getMessage());
            }
        }, "sjs-test-loop");
        loop.start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!outcome.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the SJS call was not interrupted within 30 s");
            }
            sjs.interrupt(java.time.Duration.ofSeconds(5)); // what the watchdog's interrupter does
            Thread.sleep(20);
        }
        assertEquals("the SJS call ran past the task budget and was interrupted", outcome.get());
        loop.join();
        assertEquals(json("1"), m.call(List.of("ok"), List.of()));
    }
}
