package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.media.MediaFactories;
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
@Command(name = "test", description = "Run *.test.js scripts (files or folders) and report the results.")
final class TestCommand implements Callable<Integer> {
    static final int TESTS_FAILED = 1;

    enum Format { pretty, tap, junit }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Test files, or folders searched for *.test.js.")
    List<Path> paths;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Run only tests whose name or file contains TEXT.")
    String filter;

    @Option(names = "--reporter", defaultValue = "pretty", description = "pretty, tap or junit (XML files in --out). Default: ${DEFAULT-VALUE}.")
    Format reporter;

    @Option(names = "--out", defaultValue = "tt-test-reports", paramLabel = "DIR", description = "Where --reporter junit writes. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "Run N files at once. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "30s",
            description = "Per-test timeout unless a test sets its own. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

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
            throw new UserError("no *" + ScriptTestRunner.SUFFIX + " files under " + paths);
        }
        MediaFactories.ensureAvailable();
        PrintWriter stdout = spec.commandLine().getOut();
        Reporter chosen = switch (reporter) {
            case pretty -> new PrettyReporter(stdout);
            case tap -> new TapReporter(stdout);
            case junit -> new JunitReport(new JunitXmlReporter(out), stdout, out);
        };
        try (ScriptTestRunner runner = new ScriptTestRunner(
                new ScriptTestRunner.Options(timeout.toMillis(), filter, parallel), chosen)) {
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
