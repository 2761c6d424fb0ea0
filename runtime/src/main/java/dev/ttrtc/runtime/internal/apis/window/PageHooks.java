package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Calls hooks of the top page for the window APIs (the framework implements it). Loop thread only. */
@FunctionalInterface
public interface PageHooks {

    /**
     * Calls {@code hook} of the top page with {@code argument} (null for none).
     *
     * @return what the hook returned as JSON (a null node for undefined), or empty when the top
     *     page has no such hook or no page is open
     */
    Optional<JsonNode> call(String hook, JsonNode argument);
}
