package dev.ttrtc.tools.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.testkit.Eventually;
import dev.ttrtc.tools.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptTestRunnerTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private void writeProject() throws IOException {
        write("app/app.json", "{\"pages\": [\"pages/index/index\"]}");
        write("app/app.js", "App({});");
        write("app/pages/index/index.js", "Page({ data: { n: 1 }, bump() { this.setData({ n: this.data.n + 1 }); } });");
    }

    private static Recording run(Path file) {
        return Recording.run(new Recording(), 1, file);
    }

    /** The live threads whose names pass {@code name}, once none is left or after a 10 s deadline. */
    private static List<String> threadsLeft(Predicate<String> name) {
        Supplier<List<String>> left = () -> Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).filter(name).sorted().toList();
        try {
            return Eventually.await("no such thread left", Duration.ofSeconds(10), left, List::isEmpty);
        } catch (AssertionError e) {
            return left.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return left.get();
        }
    }

    @Test
    void passing_failing_timing_out_throwing_and_skipped_tests_each_get_their_result() throws IOException {
        writeProject();
        Path file = write("kinds.test.js", String.join("\n",
                "test('passes', async (t) => {",
                "  const app = await t.launch('app');",
                "  await app.call('bump');",
                "  t.deepEqual(app.data(), { n: 2 });",
                "  console.log('logged from the test');",
                "});",
                "test('fails with a diff', async (t) => {",
                "  t.deepEqual({ errMsg: 'a:ok', list: [1, 2] }, { errMsg: 'a:ok', list: [1, 3] });",
                "});",
                "test('times out', { timeout: 300 }, async () => { await new Promise(() => {}); });",
                "test('throws', async () => { undefinedFunction(); });",
                "test.skip('is skipped', async () => {});"));
        Recording r = run(file);
        assertEquals(List.of("passes", "fails with a diff", "times out", "throws", "is skipped"),
                r.results.stream().map(TestResult::name).toList());
        assertEquals(List.of(TestResult.Status.PASSED, TestResult.Status.FAILED, TestResult.Status.FAILED,
                TestResult.Status.FAILED, TestResult.Status.SKIPPED), r.results.stream().map(TestResult::status).toList());
        TestResult diff = r.results.get(1);
        assertEquals("expected values to be deeply equal", diff.message());
        assertTrue(diff.location().endsWith("kinds.test.js:8:5"), diff.location());
        assertTrue(diff.diff().contains("-     3") || diff.diff().contains("-     2"), diff.diff());
        assertTrue(diff.diff().lines().anyMatch(l -> l.startsWith("+ ")), diff.diff());
        assertTrue(r.results.get(2).message().startsWith("timed out after "), r.results.get(2).message());
        assertEquals("ReferenceError: undefinedFunction is not defined", r.results.get(3).message());
        assertTrue(r.results.get(3).location().endsWith("kinds.test.js:11:30"), r.results.get(3).location());
        assertEquals(List.of("logged from the test"), r.console);
    }

    @Test
    void a_syntax_error_is_a_failure_naming_file_and_line() throws IOException {
        Path file = write("broken.test.js", "test('x', async (t) => {\n  const = 1;\n});\n");
        Recording r = run(file);
        assertEquals(1, r.results.size());
        TestResult failure = r.results.get(0);
        assertEquals(TestResult.Status.FAILED, failure.status());
        assertTrue(failure.message().contains("broken.test.js:2:"), failure.message());
        assertTrue(failure.message().contains("SyntaxError"), failure.message());
    }

    @Test
    void only_runs_just_the_marked_tests_and_helpers_can_be_required() throws IOException {
        write("helpers.js", "exports.double = (n) => n * 2;");
        Path file = write("only.test.js", String.join("\n",
                "const { double } = require('./helpers');",
                "test('not this', async (t) => { t.ok(false); });",
                "test.only('this one', async (t) => { t.equal(double(2), 4); });"));
        Recording r = run(file);
        assertEquals(List.of(TestResult.Status.SKIPPED, TestResult.Status.PASSED),
                r.results.stream().map(TestResult::status).toList());
    }

    @Test
    void rejections_and_waits_report_readable_messages() throws IOException {
        writeProject();
        Path file = write("waits.test.js", String.join("\n",
                "test('wait that never comes', async (t) => {",
                "  const app = await t.launch('app');",
                "  await app.waitFor('neverHappens', { timeout: 200 });",
                "});",
                "test('broken project', async (t) => { await t.launch('missing-folder'); });",
                "test('rejects matches', async (t) => { await t.rejects(Promise.reject(new Error('boom 42')), /boom \\d+/); });"));
        Recording r = run(file);
        assertEquals("timed out after 200 ms waiting for an event named \"neverHappens\"", r.results.get(0).message());
        assertTrue(r.results.get(0).location().endsWith("waits.test.js:3:13"), r.results.get(0).location());
        assertTrue(r.results.get(1).message().startsWith("project folder not found: "), r.results.get(1).message());
        assertEquals(TestResult.Status.PASSED, r.results.get(2).status());
    }

    @Test
    void everything_a_failing_test_started_is_closed_after_it() throws Exception {
        writeProject();
        Path file = write("cleanup.test.js", String.join("\n",
                "test('starts things then fails', async (t) => {",
                "  await t.launch('app', { name: 'leaky' });",
                "  const remote = t.remote('leakybob', { roomId: 'r' });",
                "  await remote.join();",
                "  t.ok(t.room('r').members.length === 1);",
                "  t.fail_here_on_purpose();",
                "});"));
        Recording r = run(file);
        assertEquals(TestResult.Status.FAILED, r.results.get(0).status());
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("leaky") || n.startsWith("tt-test-cleanup") || n.equals("tt-room-server")).toList();
        assertEquals(List.of(), left);
    }

    @Test
    void the_cli_exits_0_when_all_pass_1_on_a_failure_and_2_without_tests() throws IOException {
        Path passing = write("ok/ok.test.js", "test('fine', async (t) => { t.equal(1, 1); });");
        Path failing = write("bad/bad.test.js", "test('fine', async (t) => { t.equal(1, 1); });\ntest('not fine', async (t) => { t.equal(1, 2); });");
        Map<String, Integer> codes = Map.of("ok", cli(passing.getParent().toString()).code,
                "bad", cli(failing.getParent().toString()).code,
                "empty", cli(Files.createDirectories(dir.resolve("empty")).toString()).code);
        assertEquals(Map.of("ok", 0, "bad", 1, "empty", 2), codes);
        CliRun bad = cli(failing.toString());
        assertTrue(bad.out.contains("1 passed, 1 failed"), bad.out);
        assertTrue(bad.out.contains("✗ not fine"), bad.out);
        CliRun empty = cli(dir.resolve("empty").toString());
        assertTrue(empty.err.startsWith("error: no *.test.js files under"), empty.err);
    }

    @Test
    void tap_and_junit_reporters() throws IOException {
        Path file = write("r/report.test.js", "test('one', async (t) => {});\ntest('two', async (t) => { t.equal('a', 'b'); });\n"
                + "test.skip('three', async () => {});");
        CliRun tap = cli(file.toString(), "--reporter", "tap");
        assertTrue(tap.out.startsWith("TAP version 13\n"), tap.out);
        assertTrue(tap.out.contains("ok 1 - "), tap.out);
        assertTrue(tap.out.contains("not ok 2 - "), tap.out);
        assertTrue(tap.out.contains("# SKIP"), tap.out);
        assertTrue(tap.out.contains("1..3\n# 1 passed, 1 failed, 1 skipped"), tap.out);
        Path out = dir.resolve("reports");
        CliRun junit = cli(file.toString(), "--reporter", "junit", "--out", out.toString());
        assertEquals(1, junit.code);
        try (var files = Files.list(out)) {
            String xml = Files.readString(files.findFirst().orElseThrow());
            assertTrue(xml.contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""), xml);
            assertTrue(xml.contains("<failure message=\"expected values to be equal\">"), xml);
        }
    }

    @Test
    void filter_runs_only_matching_tests() throws IOException {
        Path file = write("f/filter.test.js", "test('apple pie', async () => {});\ntest('banana', async (t) => { t.ok(false); });");
        CliRun run = cli(file.toString(), "--filter", "apple");
        assertEquals(0, run.code);
        assertTrue(run.out.contains("1 passed, 0 failed"), run.out);
    }

    @Test
    void before_each_and_after_each_run_around_every_test_and_after_each_runs_when_the_test_fails() throws IOException {
        Path file = write("hooks.test.js", String.join("\n",
                "beforeEach((t) => console.log('before ' + t.name));",
                "beforeEach(async (t) => { await null; console.log('before again ' + t.name); });",
                "afterEach((t) => console.log('after ' + t.name));",
                "test('first', async () => { console.log('body first'); });",
                "test('second fails', async (t) => { console.log('body second fails'); t.equal(1, 2); });",
                "test('third throws', async () => { console.log('body third throws'); null.x; });",
                "test.skip('skipped', async () => { console.log('body skipped'); });"));
        Recording r = run(file);
        assertEquals(List.of(
                "before first", "before again first", "body first", "after first",
                "before second fails", "before again second fails", "body second fails", "after second fails",
                "before third throws", "before again third throws", "body third throws", "after third throws"), r.console);
        assertEquals(List.of(TestResult.Status.PASSED, TestResult.Status.FAILED, TestResult.Status.FAILED,
                TestResult.Status.SKIPPED), r.statuses());
        assertEquals(List.of("", "expected values to be equal",
                "TypeError: Cannot read property 'x' of null", ""), r.messages());
    }

    @Test
    void a_failing_before_each_fails_the_test_without_running_it_and_a_failing_after_each_fails_a_passing_test()
            throws IOException {
        Path file = write("hook-failures.test.js", String.join("\n",
                "beforeEach((t) => { if (t.name === 'setup breaks') throw new Error('setup broke'); });",
                "afterEach((t) => { console.log('after ' + t.name); if (t.name === 'cleanup breaks') throw new Error('cleanup broke'); });",
                "test('setup breaks', async () => { console.log('body setup breaks'); });",
                "test('cleanup breaks', async () => { console.log('body cleanup breaks'); });",
                "test('body and cleanup break', async (t) => { t.ok(false, 'the body broke first'); });",
                "test('fine', async () => {});"));
        Recording r = run(file);
        assertEquals(List.of("after setup breaks", "body cleanup breaks", "after cleanup breaks",
                "after body and cleanup break", "after fine"), r.console);
        assertEquals(List.of(TestResult.Status.FAILED, TestResult.Status.FAILED, TestResult.Status.FAILED,
                TestResult.Status.PASSED), r.statuses());
        assertEquals(List.of("setup broke", "cleanup broke", "the body broke first", ""), r.messages());
        assertEquals(List.of("hook-failures.test.js:1:58", "hook-failures.test.js:2:91", "hook-failures.test.js:5:49", ""),
                r.results.stream().map(TestResult::location).map(ScriptTestRunnerTest::fileAndLine).toList());
    }

    @Test
    void throws_and_not_equal_pass_and_fail_with_readable_messages() throws IOException {
        Path file = write("throws.test.js", String.join("\n",
                "test('throws passes when the function throws', async (t) => {",
                "  const error = t.throws(() => { throw new TypeError('bad input'); });",
                "  t.equal(error.message, 'bad input');",
                "  t.throws(() => { throw new TypeError('bad input'); }, TypeError);",
                "  t.throws(() => { throw new TypeError('bad input'); }, /bad/);",
                "  t.throws(() => { throw new TypeError('bad input'); }, 'input');",
                "  t.throws(() => { throw new TypeError('bad input'); }, { name: 'TypeError' });",
                "});",
                "test('throws fails when the function returns', async (t) => {",
                "  t.throws(() => 42);",
                "});",
                "test('throws fails when the error does not match', async (t) => {",
                "  t.throws(() => { throw new TypeError('bad input'); }, /missing/);",
                "});",
                "test('throws fails with the message given', async (t) => {",
                "  t.throws(() => {}, undefined, 'parse must reject empty text');",
                "});",
                "test('notEqual passes on different values', async (t) => {",
                "  t.notEqual(1, '1');",
                "  t.notEqual({}, {});",
                "  t.notEqual(0, -0);",
                "});",
                "test('notEqual fails on the same value', async (t) => {",
                "  t.notEqual('same', 'same');",
                "});",
                "test('notEqual fails on NaN and NaN', async (t) => {",
                "  t.notEqual(NaN, NaN);",
                "});"));
        Recording r = run(file);
        assertEquals(List.of(TestResult.Status.PASSED, TestResult.Status.FAILED, TestResult.Status.FAILED,
                TestResult.Status.FAILED, TestResult.Status.PASSED, TestResult.Status.FAILED, TestResult.Status.FAILED),
                r.statuses());
        assertEquals(List.of("", "expected the function to throw",
                "the thrown TypeError: bad input does not match /missing/", "parse must reject empty text",
                "", "expected \"same\" to differ", "expected NaN to differ"), r.messages());
        assertEquals(List.of("", "throws.test.js:10:5", "throws.test.js:13:5", "throws.test.js:16:5",
                "", "throws.test.js:24:5", "throws.test.js:27:5"),
                r.results.stream().map(TestResult::location).map(ScriptTestRunnerTest::fileAndLine).toList());
    }

    @Test
    void errors_that_escape_a_tests_promise_chain_fail_that_test_and_no_other() throws IOException {
        Path file = write("escapes.test.js", String.join("\n",
                "const tick = (ms) => new Promise((resolve) => setTimeout(resolve, ms));",
                "test('a throw in a timer callback', async () => {",
                "  setTimeout(() => { throw new Error('thrown in a timer'); }, 0);",
                "  await tick(20);",
                "});",
                "test('a rejection nobody awaits', async () => {",
                "  Promise.reject(new Error('nobody awaits this'));",
                "  await tick(20);",
                "});",
                "test('a rejection nobody awaits as the test ends', async () => {",
                "  Promise.reject(new Error('rejected as the test ends'));",
                "});",
                "test('a clean test after them', async () => { await tick(20); });"));
        Recording r = run(file);
        assertEquals(List.of(TestResult.Status.FAILED, TestResult.Status.FAILED, TestResult.Status.FAILED,
                TestResult.Status.PASSED), r.statuses());
        assertEquals(List.of(
                "uncaught: " + file + ":3:28: Error: thrown in a timer",
                "unhandled rejection: " + file + ":7:18: Error: nobody awaits this",
                "unhandled rejection: " + file + ":11:18: Error: rejected as the test ends",
                ""), r.messages());
    }

    @Test
    void files_run_in_parallel_each_report_their_tests_and_the_closing_line_counts_them_all() throws IOException {
        Path a = write("par/a.test.js", "test('a passes', async (t) => { t.ok(true); });\n"
                + "test('a fails', async (t) => { t.equal('a', 'b'); });");
        Path b = write("par/b.test.js", "test('b passes', async () => {});\n"
                + "test.skip('b skipped', async () => {});\n"
                + "test('b passes too', async () => {});");
        Recording r = Recording.run(new Recording(), 2, a, b);
        assertEquals(List.of("a passes", "a fails"), namesFrom(r, "a.test.js"));
        assertEquals(List.of("b passes", "b skipped", "b passes too"), namesFrom(r, "b.test.js"));
        assertEquals("3 passed, 1 failed, 1 skipped", r.closingLine);
        assertEquals(Set.of("tt-test-file-1", "tt-test-file-2"), Set.copyOf(r.reportingThreads));

        Recording serial = Recording.run(new Recording(), 1, a, b);
        assertEquals("3 passed, 1 failed, 1 skipped", serial.closingLine);
        assertEquals(Set.of("tt-test-file-1"), Set.copyOf(serial.reportingThreads));

        CliRun cli = cli(dir.resolve("par").toString(), "--parallel", "2");
        assertEquals(1, cli.code);
        assertEquals("3 passed, 1 failed, 1 skipped", lastLine(cli.out));
        assertTrue(cli.out.contains("  ✓ a passes") && cli.out.contains("  ✗ a fails") && cli.out.contains("  ✓ b passes too")
                && cli.out.contains("  - b skipped (skipped)"), cli.out);
        CliRun zero = cli(dir.resolve("par").toString(), "--parallel", "0");
        assertEquals(2, zero.code);
        assertTrue(zero.err.contains("--parallel must be at least 1"), zero.err);
    }

    @Test
    void launch_applies_mocks_and_system_info_overrides_to_the_mini_program() throws IOException {
        write("probe/app.json", "{\"pages\": [\"pages/index/index\"]}");
        write("probe/app.js", "App({});");
        write("probe/pages/index/index.js", String.join("\n",
                "Page({",
                "  data: { platform: '', model: '', width: 0, location: null, network: null },",
                "  onLoad() {",
                "    const info = tt.getSystemInfoSync();",
                "    this.setData({ platform: info.platform, model: info.model, width: info.windowWidth });",
                "    tt.getLocation({ type: 'gcj02', success: (res) => this.setData({ location: res }) });",
                "    tt.getNetworkType({ success: (res) => this.setData({ network: res }) });",
                "  },",
                "});"));
        Path file = write("launch.test.js", String.join("\n",
                "const mocks = {",
                "  getLocation: (params) => params.success({ errMsg: 'getLocation:ok', latitude: 31.2, longitude: 121.5, asked: params.type }),",
                "  getNetworkType: { result: { networkType: 'wifi' } },",
                "};",
                "test('mocks and system info reach the mini-program', async (t) => {",
                "  const app = await t.launch('probe', { systemInfo: { platform: 'android', model: 'Pixel 8' }, mocks });",
                "  const data = await app.waitForData((d) => d.location !== null && d.network !== null);",
                "  t.deepEqual(data, { platform: 'android', model: 'Pixel 8', width: 393,",
                "    location: { errMsg: 'getLocation:ok', latitude: 31.2, longitude: 121.5, asked: 'gcj02' },",
                "    network: { errMsg: 'getNetworkType:ok', networkType: 'wifi' } });",
                "  t.deepEqual(await app.evaluate(() => tt.getSystemInfoSync().platform), 'android');",
                "  t.deepEqual(await app.evaluate(() => [tt.canIUse('getLocation'), tt.canIUse('getNetworkType')]), [true, true]);",
                "});",
                "test('without options the defaults are seen', async (t) => {",
                "  const app = await t.launch('probe', { mocks: { getLocation: mocks.getLocation, getNetworkType: mocks.getNetworkType } });",
                "  const data = await app.waitForData((d) => d.location !== null && d.network !== null);",
                "  t.deepEqual([data.platform, data.model], ['ios', 'iPhone 15']);",
                "});",
                "test('an unknown system info field is refused', async (t) => {",
                "  await t.rejects(t.launch('probe', { systemInfo: { platfrom: 'android' } }), 'unknown system info field \"platfrom\"');",
                "});"));
        Recording r = run(file);
        assertEquals(List.of("", "", ""), r.messages());
        assertEquals(List.of(TestResult.Status.PASSED, TestResult.Status.PASSED, TestResult.Status.PASSED), r.statuses());
    }

    @Test
    void launch_applies_the_user_network_action_sheet_answer_and_chosen_images() throws IOException {
        write("probe/app.json", "{\"pages\": [\"pages/index/index\"]}");
        write("probe/app.js", "App({});");
        write("probe/pages/index/index.js", "Page({});");
        Path file = write("user.test.js", String.join("\n",
                "const call = (api, params) => new Promise((resolve) =>",
                "  tt[api](Object.assign({}, params, { success: resolve, fail: resolve })));",
                "test('the simulated user, network and action sheet come from the launch options', async (t) => {",
                "  const app = await t.launch('probe', { user: { loggedIn: false, acceptsLogin: false, nickName: 'Bob' },",
                "    network: '4g', actionSheet: -1 });",
                "  t.deepEqual(await app.evaluate(() => new Promise((r) => tt.login({ fail: r }))),",
                "    { errMsg: 'login:fail host login fail', errNo: 113001 });",
                "  t.deepEqual(await app.evaluate(() => new Promise((r) => tt.getNetworkType({ success: (res) => r(res.networkType) }))), '4g');",
                "  t.deepEqual(await app.evaluate(() => new Promise((r) => tt.showActionSheet({ itemList: ['a'], fail: (e) => r(e.errMsg) }))),",
                "    'showActionSheet:fail cancel');",
                "});",
                "test('the images the user picks and the position come from the launch options', async (t) => {",
                "  const app = await t.launch('probe', { chooseImage: ['photos/cat.png'] });",
                "  const picked = await app.evaluate(() => new Promise((r) => tt.chooseImage({ success: (res) => r(res.tempFiles) })));",
                "  t.equal(picked.length, 1);",
                "  t.match(picked[0].path, /^ttfile:\\/\\/temp\\/\\w+\\.png$/);",
                "  t.equal(picked[0].size, 8);",
                "  await t.rejects(t.launch('probe', { chooseImage: ['photos/dog.png'] }), /chosen image .*dog.png is not a readable file/);",
                "  await t.rejects(t.launch('probe', { chooseImage: 'photos/cat.png' }), /chooseImage is an array of file paths/);",
                "  await t.rejects(t.launch('probe', { position: { latitude: 1 } }), /position needs a numeric latitude and longitude/);",
                "  const far = await t.launch('probe', { position: { latitude: -33.8568, longitude: 151.2153 } });",
                "  t.deepEqual(await far.evaluate(() => new Promise((r) => tt.getLocation({ success: (res) => r([res.latitude, res.longitude]) }))),",
                "    [-33.8568, 151.2153]);",
                "});",
                "test('a returning user has a session and a profile', async (t) => {",
                "  const app = await t.launch('probe', { user: { hasSession: true, nickName: 'Bob', gender: 1 } });",
                "  t.deepEqual(await app.evaluate(() => new Promise((r) => tt.getUserInfo({ success: (res) => r(res.userInfo) }))),",
                "    { avatarUrl: '', nickName: 'Bob', gender: 1, city: '', province: '', country: '', language: '' });",
                "});"));
        write("photos/cat.png", "not read");
        Recording r = run(file);
        assertEquals(List.of("", "", ""), r.messages());
        assertEquals(List.of(TestResult.Status.PASSED, TestResult.Status.PASSED, TestResult.Status.PASSED), r.statuses());
    }

    @Test
    void the_cli_exits_1_with_the_closing_line_for_a_timeout_a_throw_and_a_syntax_error() throws IOException {
        Path timeout = write("cli-timeout/timeout.test.js", "test('fine', async () => {});\n"
                + "test('hangs', async () => { await new Promise(() => {}); });");
        Path throwing = write("cli-throw/throw.test.js", "test('fine', async () => {});\n"
                + "test('throws', async () => { null.x; });");
        Path broken = write("cli-broken/broken.test.js", "test('fine', async () => {});\ntest('x', async (t) => {\n  const = 1;\n});\n");
        CliRun timedOut = cli(timeout.toString(), "--timeout", "300ms");
        CliRun threw = cli(throwing.toString());
        CliRun syntax = cli(broken.toString());
        assertEquals(Map.of("timeout", List.of(1, "1 passed, 1 failed"), "throw", List.of(1, "1 passed, 1 failed"),
                        "syntax", List.of(1, "0 passed, 1 failed")),
                Map.of("timeout", List.of(timedOut.code, lastLine(timedOut.out)), "throw", List.of(threw.code, lastLine(threw.out)),
                        "syntax", List.of(syntax.code, lastLine(syntax.out))));
        assertTrue(timedOut.out.contains("  ✗ hangs (") && timedOut.out.contains("      timed out after "), timedOut.out);
        assertTrue(threw.out.contains("      TypeError: Cannot read property 'x' of null"), threw.out);
        assertTrue(syntax.out.contains("  ✗ could not load the file") && syntax.out.contains("broken.test.js:3:"), syntax.out);
    }

    @Test
    void everything_a_timed_out_test_started_is_closed_after_it_and_the_file_goes_on() throws IOException {
        writeProject();
        Path file = write("hang.test.js", String.join("\n",
                "test('starts things then hangs', { timeout: 30000 }, async (t) => {",
                "  await t.launch('app', { name: 'leakyhang' });",
                "  const bob = t.remote('leakyhangbob', { roomId: 'r' });",
                "  await bob.join();",
                "  t.equal(t.room('r').members.length, 1);",
                "  t.timeout(1);",
                "  await new Promise(() => {});",
                "});",
                "test('the file goes on', async (t) => { t.ok(true); });"));
        LeftoverCheck r = runChecking(file);
        assertEquals(List.of(TestResult.Status.FAILED, TestResult.Status.PASSED), r.statuses());
        assertTrue(r.results.get(0).message().startsWith("timed out after "), r.results.get(0).message());
        assertEquals(Map.of("starts things then hangs", List.of(), "the file goes on", List.of()), r.leftAfter);
    }

    @Test
    void what_a_timed_out_test_starts_after_its_timeout_is_refused_and_nothing_is_left_running() throws IOException {
        writeProject();
        // The test never starts its room server (rtc: false), so a late launch with RTC or a late
        // participant would start a fresh one; the next test in the file keeps the file running.
        // Each late start is refused before it creates anything: the check of what is left runs
        // when the first test is reported, which may be while its body still makes those starts.
        Path file = write("late.test.js", String.join("\n",
                "let reportLate;",
                "const late = new Promise((resolve) => { reportLate = resolve; });",
                "const closed = async (app) => { try { await app.evaluate('1'); return false; } catch (e) { return true; } };",
                "test('times out, then starts things', { timeout: 30000 }, async (t) => {",
                "  const app = await t.launch('app', { name: 'leakyfirst', rtc: false });",
                "  t.timeout(1);",
                "  await t.waitUntil(() => closed(app), { timeout: 20000, interval: 10 });",
                "  const outcomes = [];",
                "  for (const start of [() => t.launch('app', { name: 'leakylate', rtc: false }),",
                "                       () => t.launch('app', { name: 'leakylatertc' }),",
                "                       () => t.remote('leakylatebob', { roomId: 'r' }).join()]) {",
                "    try { await start(); outcomes.push('started'); } catch (e) { outcomes.push(String(e.message)); }",
                "  }",
                "  reportLate(outcomes);",
                "});",
                "test('sees what the late starts did', { timeout: 30000 }, async (t) => {",
                "  const ended = \"test 'times out, then starts things' has ended: nothing more can be started in it\";",
                "  t.deepEqual(await late, [ended, ended, ended]);",
                "});"));
        LeftoverCheck r = runChecking(file);
        assertEquals(List.of(TestResult.Status.FAILED, TestResult.Status.PASSED), r.statuses(), r.results.toString());
        assertTrue(r.results.get(0).message().startsWith("timed out after "), r.results.get(0).message());
        assertEquals(Map.of("times out, then starts things", List.of(), "sees what the late starts did", List.of()), r.leftAfter);
    }

    /** Records, as each test is reported, the instances and test threads still running (waiting for them to end). */
    private static final class LeftoverCheck extends Recording {
        volatile ScriptTestRunner runner;
        final Map<String, List<String>> leftAfter = new ConcurrentHashMap<>();

        @Override
        public void testFinished(TestResult result) {
            super.testFinished(result);
            List<String> left = new ArrayList<>(threadsLeft(n -> n.contains("leaky") || n.equals("tt-room-server")));
            runner.host().instances().forEach(i -> left.add("instance " + i.id()));
            leftAfter.put(result.name(), left);
        }
    }

    private static LeftoverCheck runChecking(Path file) {
        LeftoverCheck check = new LeftoverCheck();
        try (ScriptTestRunner runner = new ScriptTestRunner(new ScriptTestRunner.Options(2000, null, 1), check)) {
            check.runner = runner;
            runner.run(List.of(file));
        }
        return check;
    }

    private static List<String> namesFrom(Recording r, String file) {
        return r.results.stream().filter(x -> x.file().endsWith(file)).map(TestResult::name).toList();
    }

    /** "name.test.js:12:5" from a location that may carry a folder in front. */
    private static String fileAndLine(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private record CliRun(int code, String out, String err) {
    }

    private static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 1];
        full[0] = "test";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), full);
        return new CliRun(code, out.toString(), err.toString());
    }
}
