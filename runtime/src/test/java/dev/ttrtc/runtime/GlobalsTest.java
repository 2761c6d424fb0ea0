package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.kind;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalsTest extends HostTestBase {

    @Test
    void console_joins_arguments_and_shows_objects_as_json() throws Exception {
        MiniProgram app = launchPage("const o = { a: 1, list: [1, 'two'], f() {} }; o.self = o;\n"
                + "console.log('text', 42, true, null, undefined, { a: 1, list: [1, 'two'] });\n"
                + "console.info(o);\n"
                + "console.warn([1, [2, [3]]]);\n"
                + "console.debug(function named() {}, Symbol('s'), 10n);\n"
                + "console.error(new TypeError('bad'));\n"
                + "Page({});");
        List<HostEvent> lines = app.events().snapshot(e -> e.kind() == HostEvent.Kind.CONSOLE);
        assertEquals(List.of("log", "info", "warn", "debug", "error"), lines.stream().map(HostEvent::name).toList());
        assertEquals("text 42 true null undefined {\"a\":1,\"list\":[1,\"two\"]}", lines.get(0).text());
        assertEquals("{\"a\":1,\"list\":[1,\"two\"],\"f\":\"[Function: f]\",\"self\":\"[Circular]\"}", lines.get(1).text());
        assertEquals("[1,[2,[3]]]", lines.get(2).text());
        assertEquals("[Function: named] Symbol(s) 10", lines.get(3).text());
        assertEquals("TypeError: bad", lines.get(4).text().lines().findFirst().orElseThrow());
    }

    @Test
    void global_is_the_global_object_as_webpack_builds_expect() throws Exception {
        MiniProgram app = launchPage("(global.webpackJsonp = global.webpackJsonp || []).push('chunk');\n"
                + "console.log(global === globalThis, webpackJsonp.length, Object.keys(globalThis).includes('global'));\n"
                + "Page({});");
        assertEquals(List.of("true 1 false"), consoleLines(app));
    }

    @Test
    void timers_fire_in_due_order_and_can_be_cleared() throws Exception {
        // Each timer is due after the one set before it, however slowly the statements run.
        MiniProgram app = launchPage("setTimeout((a, b) => console.log('0ms', a, b), 0, 'x', 'y');\n"
                + "setTimeout(() => console.log('20ms'), 20);\n"
                + "const cleared = setTimeout(() => console.log('never'), 5); clearTimeout(cleared);\n"
                + "let n = 0; const every = setInterval(() => { n++; console.log('tick ' + n); if (n === 3) { clearInterval(every);"
                + "  setTimeout(() => console.log('done'), 30); } }, 1);\n"
                + "Page({});");
        waitForConsole(app, "done");
        List<String> lines = consoleLines(app);
        assertEquals("0ms x y", lines.get(0));
        assertEquals(List.of("tick 1", "tick 2", "tick 3"), lines.stream().filter(l -> l.startsWith("tick")).toList());
        assertEquals(false, lines.contains("never"));
        assertEquals("done", lines.get(lines.size() - 1));
    }

    /**
     * Told apart by order, not by a clock. {@code step(k)} runs in a timer callback nested k deep and sets
     * a 4 ms timer, then a 0 ms timer (both nested k + 1 deep), then asks tt.getSystemInfo, whose success
     * asks again. A 0 ms timer that is not clamped is due when the callback ends, so it runs before the
     * second answer (posted one turn later); a clamped one is due no earlier than the 4 ms timer set just
     * before it, so it runs after that.
     */
    @Test
    void timers_nested_more_than_five_deep_wait_at_least_four_ms() throws Exception {
        MiniProgram app = launchPage("const seen = [];\nconst LEVELS = 7;\n"
                + "function record(what) { seen.push(what); if (seen.length === LEVELS * 3) console.log(JSON.stringify(seen)); }\n"
                + "function step(level) {\n"
                + "  setTimeout(() => record('4ms ' + level), 4);\n"
                + "  setTimeout(() => { record('0ms ' + level); if (level < LEVELS) step(level + 1); }, 0);\n"
                + "  tt.getSystemInfo({ success: () => tt.getSystemInfo({ success: () => record('second turn ' + level) }) });\n"
                + "}\n"
                + "setTimeout(() => step(1), 0);\n"
                + "Page({});");
        HostEvent line = waitFor(app, e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().startsWith("["));
        List<String> seen = new ArrayList<>();
        Waits.json(line.text()).forEach(node -> seen.add(node.asText()));
        List<String> observed = new ArrayList<>();
        for (int level = 1; level <= 7; level++) {
            int zero = seen.indexOf("0ms " + level);
            if (level < 5) {
                observed.add("set in a callback " + level + " deep: 0 ms " + (zero < seen.indexOf("second turn " + level) ? "not clamped" : "delayed"));
            } else {
                observed.add("set in a callback " + level + " deep: 0 ms " + (seen.indexOf("4ms " + level) < zero ? "clamped" : "ran before 4 ms"));
            }
        }
        assertEquals(List.of("set in a callback 1 deep: 0 ms not clamped", "set in a callback 2 deep: 0 ms not clamped",
                "set in a callback 3 deep: 0 ms not clamped", "set in a callback 4 deep: 0 ms not clamped",
                "set in a callback 5 deep: 0 ms clamped", "set in a callback 6 deep: 0 ms clamped", "set in a callback 7 deep: 0 ms clamped"), observed);
    }

    @Test
    void timer_ids_are_numbers_and_a_callback_must_be_a_function() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals("number,TypeError: setTimeout: callback must be a function",
                Waits.eval(app, "let m; try { setTimeout('code'); } catch (e) { m = String(e); } [typeof setTimeout(() => {}, 1), m].join()").asText());
    }

    @Test
    void at_most_ten_thousand_timers_may_be_pending() throws Exception {
        MiniProgram app = launchPage("Page({\n  flood() {\n"
                + "    globalThis.first = setTimeout(() => {}, 60000);\n"
                + "    for (let i = 1; i < 10000; i++) setTimeout(() => {}, 60000);\n"
                + "    try { setTimeout(() => {}, 0); } catch (e) { return e.name + ': ' + e.message; }\n"
                + "  }\n});");
        assertEquals("RangeError: setTimeout: too many pending timers (at most 10000)",
                Waits.get(app.callPageMethod("flood", PageEvent.tap())).asText());
        // Clearing makes room again.
        assertEquals(1, Waits.eval(app, "clearTimeout(first); typeof setTimeout(() => {}, 0) === 'number' ? 1 : 0").asInt());
    }

    @Test
    void promises_async_await_and_microtasks_run_before_the_next_task() throws Exception {
        MiniProgram app = launchPage("setTimeout(() => console.log('task'), 0);\n"
                + "Promise.resolve().then(() => console.log('promise'));\n"
                + "queueMicrotask(() => console.log('microtask'));\n"
                + "(async () => { await null; console.log('async'); })();\n"
                + "console.log('sync');\n"
                + "Page({});");
        waitForConsole(app, "task");
        assertEquals(List.of("sync", "promise", "microtask", "async", "task"), consoleLines(app));
    }

    @Test
    void an_uncaught_error_in_a_timer_is_reported_with_its_location_and_the_instance_keeps_running() throws Exception {
        MiniProgram app = launchPage("Page({ onLoad() {\n  setTimeout(() => {\n    missing();\n  }, 0);\n"
                + "  setTimeout(() => console.log('still alive'), 5);\n} });");
        waitForConsole(app, "still alive");
        HostEvent error = errors(app).get(0);
        assertEquals("uncaught", error.name());
        assertEquals("pages/index/index.js:3:5: Uncaught ReferenceError: missing is not defined", error.text());
    }

    @Test
    void an_unhandled_rejection_is_reported_with_its_location() throws Exception {
        MiniProgram app = launchPage("Page({ onLoad() {\n  (async function load() {\n    await null;\n"
                + "    throw new RangeError('no room');\n  })();\n} });");
        HostEvent error = waitFor(app, kind(HostEvent.Kind.ERROR, "unhandled-rejection"));
        assertEquals("pages/index/index.js:4:11: Unhandled promise rejection: RangeError: no room", error.text());
    }

    @Test
    void a_rejection_that_is_handled_is_not_reported() throws Exception {
        MiniProgram app = launchPage("Promise.reject(new Error('x')).catch(() => console.log('handled'));\nPage({});");
        waitForConsole(app, "handled");
        assertEquals(List.of(), errors(app));
    }

    @Test
    void a_non_error_rejection_is_shown_as_json() throws Exception {
        MiniProgram app = launchPage("Promise.reject({ code: 7 });\nPage({});");
        HostEvent error = waitFor(app, kind(HostEvent.Kind.ERROR, "unhandled-rejection"));
        assertEquals("Unhandled promise rejection: {\"code\":7}", error.text());
    }
}
