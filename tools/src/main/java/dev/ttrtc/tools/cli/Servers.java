package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.BindException;
import java.util.function.Supplier;

/** Starts servers, turning a taken port into one clear line. */
final class Servers {
    private Servers() {
    }

    static RoomServer start(RoomServer.Builder builder) {
        return bind(() -> builder.build().start());
    }

    static <T> T bind(Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new UserError("cannot listen: " + t.getMessage() + " (is another server running? choose --port)");
                }
            }
            throw e;
        }
    }
}
