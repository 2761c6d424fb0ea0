package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.BindException;
import java.util.Locale;
import java.util.function.Supplier;

/** Starts servers, turning a taken port into one clear line that names the port and the flag to change it. */
final class Servers {
    private Servers() {
    }

    /** Starts a room server on {@code port}, which the user chose with {@code --port}. */
    static RoomServer start(RoomServer.Builder builder, int port) {
        return bind(port, "--port N", () -> builder.build().start());
    }

    /**
     * Runs {@code start}, which listens on 127.0.0.1:{@code port}.
     *
     * @param flag how the user chooses another port, for the message (such as {@code --port N})
     */
    static <T> T bind(int port, String flag, Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException bind) {
                    throw cannotListen(port, flag, bind);
                }
            }
            throw e;
        }
    }

    static UserError cannotListen(int port, String flag, BindException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        String where = "cannot listen on 127.0.0.1:" + port;
        if (reason.contains("in use")) {
            return new UserError(where + ": the port is already in use (is another tt-host or server running?"
                    + " choose another with " + flag + "; 0 picks any free port)");
        }
        if (reason.contains("permission") || reason.contains("access")) {
            return new UserError(where + ": permission denied (ports below 1024 need privileges; choose another with " + flag + ")");
        }
        return new UserError(where + ": the system refused the address (choose another port with " + flag + ")");
    }
}
