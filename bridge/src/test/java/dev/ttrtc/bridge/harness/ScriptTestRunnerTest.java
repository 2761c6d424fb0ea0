package dev.ttrtc.bridge.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Records results in order. */
    private static final class Recording implements Reporter {
        final List<TestResult> results = new ArrayList<>();
        final List<String> console = new ArrayList<>();

        @Override
        public void testFinished(TestResult result) {
            results.add(result);
        }

        @Override
        public void console(String file, String line) {
            console.add(line);
        }
    }

    private Recording run(Path file) {
        Recording recording = new Recording();
        try (ScriptTestRunner runner = new ScriptTestRunner(new ScriptTestRunner.Options(2000, null, 1), recording)) {
            runner.run(List.of(file));
        }
        return recording;
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
