package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An evaluated SJS module. Loop thread only. */
public interface SjsModule {

    /**
     * The module's exports as JSON: functions appear as {@code {"$sjsFunction": "name"}} markers
     * so that a template can tell a callable member from data.
     */
    JsonNode exports();

    /**
     * Calls an exported function: {@code path} names it from the exports down
     * ({@code ["formatTime"]}, or {@code ["date", "format"]} for {@code m.date.format}).
     *
     * @return the result, serialised as {@code JSON.stringify} would (a missing node for undefined)
     * @throws SjsException when the function throws, runs too long, or is not a function
     */
    JsonNode call(List<String> path, List<JsonNode> arguments) throws SjsException;
}
