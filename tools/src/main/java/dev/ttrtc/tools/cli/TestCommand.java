package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.media.MediaFactories;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.tools.harness.JunitXmlReporter;
import dev.ttrtc.tools.harness.PrettyReporter;
import dev.ttrtc.tools.harness.Reporter;
import dev.ttrtc.tools.harness.RunSummary;
import dev.ttrtc.tools.harness.ScriptTestRunner;
import dev.ttrtc.tools.harness.TapReporter;
import dev.ttrtc.tools.harness.TestResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tt-host test}: runs JS test scripts; exit code 1 when any test fails. */
@Command(name = "test", mixinStandardHelpOptions = true, usageHelpWidth = 100, showDefaultValues = true, sortOptions = false,
        description = "Run *.test.js scripts (files, or folders searched for them) and report the results. "
                + "Each test gets a fresh room server; the closing line reads 'N passed, N failed'.",
        footer = {"%nExamples:",
                "  tt-host test conformance",
                "  tt-host test room.test.js --filter 'joins' --timeout 60s",
                "  tt-host test tests --reporter junit --out reports --parallel 2",
                "%nExit codes: 0 all passed, 1 a test failed, 2 a bad flag or no test files, 3 the host failed."})
final class TestCommand implements Callable<Integer> {
    static final int TESTS_FAILED = 1;

    enum Format { pretty, tap, junit }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files, or folders searched for *.test.js. Example: conformance")
    List<Path> paths;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Run only tests whose name or file contains TEXT. Example: --filter token")
    String filter;

    @Option(names = "--reporter", defaultValue = "pretty", description = "pretty (readable), tap (TAP 13 on stdout) or junit (XML files in --out). Example: --reporter tap")
    Format reporter;

    @Option(names = "--out", defaultValue = "tt-test-reports", paramLabel = "DIR", description = "Where --reporter junit writes its files. Example: --out target/tt-reports")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "Run N files at once. Example: --parallel 2")
    int parallel;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "30s",
            paramLabel = "TIME", description = "Per-test timeout unless a test sets its own. Example: --timeout 1m")
    Duration timeout;

    @Option(names = "--task-budget", converter = DurationConverter.class, defaultValue = "5s", paramLabel = "TIME",
            description = "CPU time one JS task of a mini-program may use before it is interrupted. Example: --task-budget 10s")
    Duration taskBudget;

    @Option(names = "--compile-cache", paramLabel = "DIR",
            description = "Keep compiled ES modules and TypeScript in DIR across runs. Default: the per-user cache. Example: --compile-cache .tt-cache")
    Path compileCache;

    @Option(names = "--esbuild", paramLabel = "PATH",
            description = "Compile with this esbuild executable (for platforms other than linux-x64). Example: --esbuild /usr/local/bin/esbuild")
    Path esbuild;

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw new UserError("--parallel must be at least 1");
        }
        List<Path> files;
        try {
            files = ScriptTestRunner.collect(paths);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UserError("no *" + ScriptTestRunner.SUFFIX + " files under "
                    + String.join(", ", paths.stream().map(Path::toString).toList()));
        }
        HostOptions hostOptions = HostCommandOptions.hostOptions(taskBudget, compileCache, esbuild);
        PackageSetUp.ensureMedia(spec.commandLine().getErr());
        MediaFactories.ensureAvailable();
        PrintWriter stdout = spec.commandLine().getOut();
        Reporter chosen = switch (reporter) {
            case pretty -> new PrettyReporter(stdout);
            case tap -> new TapReporter(stdout);
            case junit -> new JunitReport(new JunitXmlReporter(out), stdout, out);
        };
        try (ScriptTestRunner runner = new ScriptTestRunner(
                new ScriptTestRunner.Options(timeout.toMillis(), filter, parallel), chosen, hostOptions)) {
            RunSummary summary = runner.run(files);
            return summary.succeeded() ? 0 : TESTS_FAILED;
        }
    }

    /** JUnit XML files, plus the closing line on stdout. */
    private record JunitReport(JunitXmlReporter xml, PrintWriter stdout, Path dir) implements Reporter {
        @Override
        public void testFinished(TestResult result) {
            xml.testFinished(result);
        }

        @Override
        public void runFinished(RunSummary summary) {
            xml.runFinished(summary);
            stdout.println("JUnit XML reports in " + dir);
            stdout.println(summary.closingLine());
            stdout.flush();
        }
    }
}
