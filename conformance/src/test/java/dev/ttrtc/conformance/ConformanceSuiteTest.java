package dev.ttrtc.conformance;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.ttrtc.tools.harness.ScriptTestRunner;
import dev.ttrtc.tools.harness.TestFile;
import dev.ttrtc.tools.harness.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** Every script test of the conformance suite as a JUnit test: a container per file, a test per script test. */
class ConformanceSuiteTest {
    private static ScriptTestRunner runner;
    private static final List<TestFile> loaded = new ArrayList<>();

    @BeforeAll
    static void start() {
        runner = new ScriptTestRunner(ScriptTestRunner.Options.defaults(), result -> { });
    }

    @AfterAll
    static void stop() {
        loaded.forEach(TestFile::close);
        runner.close();
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        return ScriptTestRunner.collect(List.of(Path.of("."))).stream().map(file -> {
            TestFile tests = runner.load(file);
            loaded.add(tests);
            TestResult loadFailure = tests.loadFailure();
            if (loadFailure != null) {
                return dynamicContainer(tests.displayName(), Stream.of(dynamicTest("load", () -> {
                    throw new AssertionFailedError(loadFailure.message());
                })));
            }
            return dynamicContainer(tests.displayName(), file.toUri(),
                    tests.testNames().stream().map(name -> dynamicTest(name, () -> check(tests.run(name)))));
        });
    }

    private static void check(TestResult result) {
        if (result.status() == TestResult.Status.SKIPPED) {
            Assumptions.abort("skipped in the script");
        }
        if (result.status() == TestResult.Status.FAILED) {
            StringBuilder message = new StringBuilder();
            if (!result.location().isEmpty()) {
                message.append(result.location()).append(": ");
            }
            message.append(result.message());
            if (!result.diff().isEmpty()) {
                message.append("\n- expected  + actual\n").append(result.diff());
            }
            throw new AssertionFailedError(message.toString());
        }
    }
}
