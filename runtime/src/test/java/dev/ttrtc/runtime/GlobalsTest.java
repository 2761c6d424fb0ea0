package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.kind;
import static dev.ttrtc.runtime.Waits.waitFor;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void timers_fire_in_due_order_and_can_be_cleared() throws Exception {
        MiniProgram app = launchPage("setTimeout(() => console.log('20ms'), 20);\n"
                + "setTimeout((a, b) => console.log('0ms', a, b), 0, 'x', 'y');\n"
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
