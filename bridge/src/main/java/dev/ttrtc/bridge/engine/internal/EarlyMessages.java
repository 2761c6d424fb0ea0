package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that arrived on a connection before its join answer was handled. The answer completes
 * on the connection's thread, and the step that takes it onto the engine thread can be queued
 * after messages that followed it (a member joining, its subscribe): they wait here for the join
 * instead of being lost. Only the latest connection's messages are kept, at most {@link #LIMIT}
 * (the server sends a joining member little more than its join answer). Engine thread only.
 */
final class EarlyMessages {
    static final int LIMIT = 1000;

    private SignalConnection from;
    private final List<ServerMessage> messages = new ArrayList<>();

    void keep(SignalConnection connection, ServerMessage message) {
        if (from != connection) {
            from = connection;
            messages.clear();
        }
        if (messages.size() < LIMIT) {
            messages.add(message);
        }
    }

    /** The messages kept from {@code connection}, in order; forgets everything. */
    List<ServerMessage> takeFrom(SignalConnection connection) {
        List<ServerMessage> taken = from == connection ? List.copyOf(messages) : List.of();
        clear();
        return taken;
    }

    void clear() {
        from = null;
        messages.clear();
    }
}
