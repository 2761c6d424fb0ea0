package dev.ttrtc.tools.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.tools.text.TerminalText;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Prints what happens during a run, one line per event: {@code [seconds] source label text}, or
 * with {@code --json} one JSON object per line. Thread-safe; lines never interleave. What the
 * mini-program wrote reaches the terminal with its control characters escapes ({@link TerminalText}).
 */
final class EventPrinter {
    private static final ObjectWriter JSON_LINES = new ObjectMapper(
            new JsonFactory().setCharacterEscapes(TerminalText.jsonEscapes())).writer();

    private final PrintWriter out;
    private final boolean json;
    private final long startMillis = System.currentTimeMillis();

    EventPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints one event of the instance {@code source}. */
    synchronized void print(String source, HostEvent event) {
        String label = event.kind() == HostEvent.Kind.CONSOLE ? "console." + event.name() : event.kind().wireName();
        ObjectNode line = event.toJson();
        line.put("source", source);
        emit(event.time().toEpochMilli(), source, label, event.text(), line);
    }

    void print(RemoteParticipant.Event event) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("time", Instant.ofEpochMilli(event.timeMillis()).toString());
        line.put("kind", "remote");
        line.put("name", event.name());
        line.put("userId", event.userId());
        line.put("text", event.detail());
        line.put("source", "remote");
        emit(event.timeMillis(), "remote", event.name(), (event.userId() + " " + event.detail()).trim(), line);
    }

    /** A note from the host itself (server address, shutting down). */
    void note(String text) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("time", Instant.now().toString());
        line.put("kind", "note");
        line.put("text", text);
        line.put("source", "host");
        emit(System.currentTimeMillis(), "host", "note", text, line);
    }

    private synchronized void emit(long epochMillis, String source, String label, String text, ObjectNode jsonLine) {
        if (json) {
            out.println(json(jsonLine));
        } else {
            out.printf("[%8.3f] %-8s %-14s %s%n", (epochMillis - startMillis) / 1000.0, TerminalText.line(source),
                    TerminalText.line(label), TerminalText.line(text));
        }
        out.flush();
    }

    static String json(ObjectNode line) {
        try {
            return JSON_LINES.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
