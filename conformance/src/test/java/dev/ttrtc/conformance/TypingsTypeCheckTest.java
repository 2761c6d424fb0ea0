package dev.ttrtc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * typings/tt-rtc-host.d.ts against the TypeScript compiler: the fixture mini-program type-checks
 * with tsc from npm (versions pinned by typings/package-lock.json), and a misspelled RTC member
 * does not. Needs Node and the npm registry (CI has both; .ci/run checks); skipped where npm is
 * not installed. conformance/typings.test.js runs the same fixture in the host. The harness's own
 * declarations (conformance/types/tt-host-test.d.ts) are compiled with the same tsc.
 */
class TypingsTypeCheckTest {
    private static final Path TYPINGS = Path.of("..", "typings").toAbsolutePath().normalize();
    private static final long NPM_MINUTES = 5;

    private record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void installPinnedCompiler() throws Exception {
        Assumptions.assumeTrue(npm().isPresent(), "npm is not installed: the typings check needs Node 20 and npm");
        Run install = run("npm", "ci", "--no-audit", "--no-fund");
        assertEquals(0, install.exitCode(), "npm ci in typings/ failed:\n" + install.output());
    }

    @Test
    void the_fixture_type_checks_against_the_rtc_typings() throws Exception {
        Run check = run("npx", "--no-install", "tsc", "--noEmit", "-p", "fixture");
        assertEquals(0, check.exitCode(), "tsc found type errors in typings/fixture:\n" + check.output());
    }

    @Test
    void a_misspelled_member_is_a_type_error_and_the_only_one() throws Exception {
        Run check = run("npx", "--no-install", "tsc", "--noEmit", "-p", "fixture/tsconfig.misspelled.json");
        assertNotEquals(0, check.exitCode(), check.output());
        List<String> errors = check.output().lines().filter(l -> l.contains("error TS")).toList();
        assertEquals(List.of("fixture/misspelled/state-change.ts(3,12): error TS2551: Property 'onRtcStateChangd' does not exist"
                + " on type 'RtcRoomContext'. Did you mean 'onRtcStateChanged'?"), errors, check.output());
        assertTrue(check.output().contains("onRtcStateChangd"), check.output());
    }

    @Test
    void the_harness_declarations_compile() throws Exception {
        Run check = run("npx", "--no-install", "tsc", "--noEmit", "--strict", "--lib", "es2022",
                "../conformance/types/tt-host-test.d.ts");
        assertEquals(0, check.exitCode(), "tsc rejects conformance/types/tt-host-test.d.ts:\n" + check.output());
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tt-typings", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(TYPINGS.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(NPM_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + NPM_MINUTES + " minutes:\n"
                        + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Optional<Path> npm() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "npm")).filter(Files::isExecutable).findFirst();
    }
}
