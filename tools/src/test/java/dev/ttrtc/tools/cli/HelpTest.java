package dev.ttrtc.tools.cli;

import static dev.ttrtc.tools.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.tools.cli.MainTest.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Help on every command, usage errors with a hint that works. */
class HelpTest {
    static final List<String> COMMANDS = List.of("run", "test", "server", "token");

    @Test
    void every_command_has_help_with_its_options_defaults_and_examples_and_exits_0() {
        for (String command : COMMANDS) {
            for (List<String> asked : List.of(List.of(command, "--help"), List.of(command, "-h"), List.of("help", command))) {
                Run help = cli(asked.toArray(String[]::new));
                assertEquals(0, help.code(), asked + ": " + help.err());
                assertEquals("", help.err(), asked.toString());
                assertTrue(help.out().startsWith("Usage: tt-host " + command + " "), asked + ": " + help.out());
                assertTrue(help.out().contains("Examples:\n  tt-host " + command), asked + ": " + help.out());
                assertTrue(help.out().contains("Exit codes: "), asked + ": " + help.out());
            }
        }
        Run run = cli("run", "--help");
        for (String option : List.of("--map-url=FROM=TO", "--compile-cache=DIR", "--esbuild=PATH", "--token-url=URL", "--query=K=V&...")) {
            assertTrue(run.out().contains(option), option);
        }
        assertTrue(run.out().contains("Default: demo-room"), run.out());
        Run top = cli("help");
        assertEquals(0, top.code());
        for (String command : COMMANDS) {
            assertTrue(top.out().contains("\n  " + command + " "), top.out());
        }
    }

    @Test
    void a_usage_error_is_one_line_and_a_help_hint_that_itself_works() {
        for (List<String> wrong : List.of(List.of("run"), List.of("token", "--room", "r"), List.of("test", "x", "--parallel", "many"),
                List.of("server", "--port", "seven"))) {
            Run run = cli(wrong.toArray(String[]::new));
            assertEquals(2, run.code(), wrong.toString());
            assertEquals("", run.out(), wrong.toString());
            List<String> lines = run.err().lines().toList();
            assertEquals(2, lines.size(), run.err());
            assertTrue(lines.get(0).startsWith("error: "), run.err());
            String hint = lines.get(1);
            assertTrue(hint.startsWith("usage: tt-host "), hint);
            List<String> hinted = List.of(hint.substring("usage: tt-host ".length()).split(" "));
            assertEquals(0, cli(hinted.toArray(String[]::new)).code(), hint);
        }
    }
}
