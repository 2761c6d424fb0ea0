package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.function.Consumer;

/**
 * Turns an instance's event log into the client's events: console lines into
 * {@code App.logAdded} (once the client asked with {@code App.enableLog}), uncaught errors and
 * unhandled rejections into {@code App.exceptionThrown} (always: the client's
 * {@code on('exception')} sends nothing), and calls of exposed functions into
 * {@code App.bindingCalled}.
 *
 * <p>Threading: {@link #follow} and {@link #enableLog} run on the session thread; log entries
 * arrive on the instance's loop thread.
 */
final class EventForwarder implements AutoCloseable {
    /** Prefix of the console line an exposed function prints (see automator.js addBinding). */
    static final String BINDING_MARKER = "[tt-automator binding] ";

    private final Consumer<String> out;
    private volatile boolean logEnabled;
    // Session thread only.
    private MiniProgram followed;
    private AutoCloseable subscription;

    EventForwarder(Consumer<String> out) {
        this.out = out;
    }

    /** Listens to this instance from now on (a relaunched instance replaces the previous one). */
    void follow(MiniProgram program) {
        if (program == followed) {
            return;
        }
        close();
        followed = program;
        subscription = program.events().subscribe(this::forward);
    }

    void enableLog() {
        logEnabled = true;
    }

    private void forward(HostEvent event) {
        if (event.kind() == HostEvent.Kind.CONSOLE) {
            if (event.text().startsWith(BINDING_MARKER)) {
                binding(event.text().substring(BINDING_MARKER.length()));
            } else if (logEnabled) {
                ObjectNode params = JsonNodeFactory.instance.objectNode().put("type", event.name());
                params.putArray("args").add(event.text());
                out.accept(Frames.event("App.logAdded", params));
            }
        } else if (event.kind() == HostEvent.Kind.ERROR && isUncaught(event)) {
            ObjectNode params = JsonNodeFactory.instance.objectNode().put("message", event.text());
            StringBuilder stack = new StringBuilder();
            event.data().path("stack").forEach(frame -> stack.append(stack.length() == 0 ? "" : "\n").append("    at ").append(frame.asText()));
            params.put("stack", stack.toString());
            out.accept(Frames.event("App.exceptionThrown", params));
        }
    }

    private static boolean isUncaught(HostEvent event) {
        String cause = event.data().path("cause").asText();
        return cause.equals("uncaught") || cause.equals("unhandled-rejection");
    }

    private void binding(String json) {
        try {
            JsonNode call = InstanceScript.JSON.readTree(json);
            out.accept(Frames.event("App.bindingCalled", call));
        } catch (JsonProcessingException e) {
            // Not a line the helper printed (the app imitated the marker): not a binding call.
        }
    }

    @Override
    public void close() {
        AutoCloseable current = subscription;
        subscription = null;
        followed = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                // Unsubscribing from an event log only removes a listener from a list.
            }
        }
    }
}
