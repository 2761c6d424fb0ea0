package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The listeners of one JS event ({@code onRtcChatMembersChanged}, ...) of one instance.
 *
 * <p>{@link #add}, {@link #remove} and {@link #clear} run on the loop thread (from JS).
 * {@link #emit} may be called from any thread: it posts one task that calls every listener
 * registered at that moment, in registration order, each isolated from the others' exceptions,
 * and records an {@code EVENT} entry in the event log.
 */
public interface JsEventChannel {

    String eventName();

    void add(JsCallback listener);

    /** Removes every registration of {@code listener}. */
    void remove(JsCallback listener);

    void clear();

    /** Calls the listeners with a copy of {@code payload} (null for no argument). */
    void emit(JsonNode payload);
}
