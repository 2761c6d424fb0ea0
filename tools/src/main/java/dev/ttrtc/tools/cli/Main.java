package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaUnavailableException;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.tools.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tt-host}: the command line. Exit codes: 0 done (and help), 1 tests failed, 2 the user's
 * mistake (a flag, a project folder, a script), 3 the host itself failed or cannot run here.
 */
@Command(name = "tt-host", mixinStandardHelpOptions = true, usageHelpWidth = 100, version = "tt-host 0.1.0",
        description = "Run Douyin mini-programs headless with real RTC rooms.",
        subcommands = {RunCommand.class, TestCommand.class, ServerCommand.class, TokenCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"%nExamples:",
                "  tt-host run sample-miniapp --remote bob --remote-talk",
                "  tt-host test conformance",
                "  tt-host help run",
                "%nExit codes: 0 done, 1 tests failed, 2 a bad flag or a broken project, 3 the host failed."})
public final class Main {
    static final int BAD_INPUT = 2;
    static final int HOST_FAILURE = 3;

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("test"))) {
            // The JS engine takes about a second to create: start it before the command line is even parsed.
            EngineWarmUp.start();
        }
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.out.flush();
        System.err.flush();
        ProcessExit.exit(code);
    }

    /** Runs a command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UserError || e instanceof LaunchException) {
                cmd.getErr().println("error: " + TerminalText.line(e.getMessage()));
                return BAD_INPUT;
            }
            if (e instanceof HostFailure || e instanceof MediaUnavailableException) {
                cmd.getErr().println("error: " + TerminalText.line(e.getMessage()));
                return HOST_FAILURE;
            }
            cmd.getErr().println("error: the host failed unexpectedly (details: run again with "
                    + "TT_HOST_JAVA_OPTS=-Dorg.slf4j.simpleLogger.log.dev.ttrtc=debug)");
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("host failure", e);
            return HOST_FAILURE;
        });
        commandLine.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + TerminalText.line(usageError(e)));
            cmd.getErr().println("usage: " + cmd.getCommandSpec().qualifiedName() + " --help");
            return BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    /** A usage error in the user's words: picocli's own phrasing for words it did not expect is replaced. */
    private static String usageError(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()) {
            List<String> words = unmatched.getUnmatched();
            if (!words.isEmpty() && !words.get(0).startsWith("-")) {
                CommandLine cmd = e.getCommandLine();
                if (cmd.getParent() == null) {
                    return "unknown command \"" + words.get(0) + "\"";
                }
                return (words.size() == 1 ? "unexpected argument " : "unexpected arguments ")
                        + String.join(" ", words.stream().map(w -> "\"" + w + "\"").toList());
            }
        }
        return e.getMessage();
    }
}
