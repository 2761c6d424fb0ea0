package dev.ttrtc.tools.cli;

import dev.ttrtc.automator.AutomatorServer;
import dev.ttrtc.runtime.MiniProgram;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --automator [PORT]}: serves the miniprogram-automator endpoint (docs/automator.md) for
 * the run's instance, following it across relaunches.
 */
final class AutomatorOption {
    static final String DEFAULT_PORT = "9420";
    private static final String FLAG = "--automator=PORT";

    @Option(names = "--automator", arity = "0..1", fallbackValue = DEFAULT_PORT, paramLabel = "PORT", converter = PortConverter.class,
            description = "Serve the miniprogram-automator endpoint on ws://127.0.0.1:PORT (default " + DEFAULT_PORT + ").")
    Integer port;

    /** A port number, checked before anything starts (the project folder may follow the option by mistake). */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port (0-65535; write the project folder"
                    + " before --automator, or --automator=PORT)");
        }
    }

    /**
     * Fails with the usual one line when the chosen port is taken, before the run starts anything
     * (the endpoint itself starts only once the launch page shows, after events were printed). A
     * port taken in between is still reported by {@link #start}.
     */
    void checkPortFree() {
        if (port == null || port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw Servers.cannotListen(port, FLAG, e);
        } catch (IOException e) {
            // Not a taken port: left to the endpoint's own start.
        }
    }

    /** Starts the endpoint when the option was given (null otherwise) and prints its address. */
    AutoCloseable start(Supplier<MiniProgram> program, Consumer<String> note) {
        if (port == null) {
            return null;
        }
        AutomatorServer server = Servers.bind(port, FLAG, () -> AutomatorServer.start(port, List.of(program)));
        note.accept("automator " + server.uri());
        return server;
    }
}
