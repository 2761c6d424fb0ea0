package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaUnavailableException;
import dev.ttrtc.runtime.LaunchException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tt-host}: the command line. Exit codes: 0 done, 1 tests failed, 2 bad input (a flag, a
 * project folder, a script), 3 the host itself failed.
 */
@Command(name = "tt-host", mixinStandardHelpOptions = true, version = "tt-host 0.1.0",
        description = "Run Douyin mini-programs headless with real RTC rooms.",
        subcommands = {RunCommand.class, ServerCommand.class, TokenCommand.class, TestCommand.class})
public final class Main {
    static final int BAD_INPUT = 2;
    static final int HOST_FAILURE = 3;

    private Main() {
    }

    public static void main(String[] args) {
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.out.flush();
        System.err.flush();
        // Everything is closed by now. Halting skips the JVM's teardown, during which threads that
        // webrtc-java 0.14.0 leaks natively (closed connections are never freed) fail to attach and
        // print to stderr.
        Runtime.getRuntime().halt(code);
    }

    /** Runs a command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UserError || e instanceof LaunchException) {
                cmd.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof MediaUnavailableException) {
                cmd.getErr().println("error: " + e.getMessage());
                return HOST_FAILURE;
            }
            cmd.getErr().println("error: the host failed: " + e);
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("host failure", e);
            return HOST_FAILURE;
        });
        commandLine.setParameterExceptionHandler((e, args1) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("usage: " + cmd.getCommandSpec().qualifiedName() + " --help");
            return BAD_INPUT;
        });
        return commandLine.execute(args);
    }
}
