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

    /** {@code on(fn)} as JS calls it: the argument at {@code index} must be a function. */
    default void addFrom(ApiArgs args, int index) throws ApiException {
        add(args.callback(index).orElseThrow(() -> ApiException.parameter(
                "expect callback to be function, but got " + args.typeOf(index))));
    }

    /**
     * {@code off(fn?)} as JS calls it: removes the function at {@code index}, or every listener
     * when that argument is absent or undefined; anything else is an error.
     */
    default void removeFrom(ApiArgs args, int index) throws ApiException {
        if (args.count() <= index || "undefined".equals(args.typeOf(index))) {
            clear();
        } else {
            remove(args.callback(index).orElseThrow(() -> ApiException.parameter(
                    "expect callback to be function, but got " + args.typeOf(index))));
        }
    }

    /** Calls the listeners with a copy of {@code payload} (null for no argument). */
    void emit(JsonNode payload);
}
