package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Deadline-based waits and event-log matchers shared by the runtime tests. */
final class Waits {
    // A deadline a broken host would miss, not a speed bar: generous, for a machine whose cores are busy.
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    private Waits() {
    }

    static HostEvent waitFor(MiniProgram program, Predicate<HostEvent> matcher) throws Exception {
        return program.events().waitFor(matcher, TIMEOUT);
    }

    static HostEvent waitForConsole(MiniProgram program, String text) throws Exception {
        return waitFor(program, console(text));
    }

    static Predicate<HostEvent> console(String text) {
        return e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().equals(text);
    }

    static Predicate<HostEvent> kind(HostEvent.Kind kind, String name) {
        return e -> e.kind() == kind && e.name().equals(name);
    }

    static List<String> consoleLines(MiniProgram program) {
        return program.events().snapshot(e -> e.kind() == HostEvent.Kind.CONSOLE).stream().map(HostEvent::text).toList();
    }

    static List<HostEvent> errors(MiniProgram program) {
        return program.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR);
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static JsonNode eval(MiniProgram program, String source) throws Exception {
        return get(program.evaluate(source));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
