package dev.ttrtc.runtime.api;

import java.util.function.Supplier;

/**
 * Builds a JS object whose methods are host APIs, such as an {@code RtcRoomContext}. Each method
 * is logged and answered exactly like a top-level {@code tt} API. Loop thread only.
 */
public interface JsObjectBuilder {

    /** Adds {@code obj.<name>(params)} answering through success/fail/complete. */
    JsObjectBuilder async(String name, AsyncApi api);

    /** Adds {@code obj.<name>(...args)} returning its result. */
    JsObjectBuilder sync(String name, SyncApi api);

    /** Adds a data property {@code obj.<name>} (a String, Number, Boolean or JsonNode). */
    JsObjectBuilder value(String name, Object value);

    /**
     * Adds a read-only property {@code obj.<name>} whose value {@code getter} computes on every read
     * (on the loop thread), for state that changes ({@code SocketTask.readyState}).
     */
    JsObjectBuilder getter(String name, Supplier<Object> getter);

    /**
     * Adds {@code obj.<onName>(fn)} and {@code obj.<offName>(fn?)}: on adds fn; off removes fn,
     * or every listener when called without one.
     */
    JsObjectBuilder event(String onName, String offName, JsEventChannel channel);

    /**
     * Runs {@code guard} before every synchronous method of the object, event registrations
     * included, whenever they were added: what it throws is what the method throws. Async
     * methods answer such refusals through their own fail payloads.
     */
    JsObjectBuilder guardSync(ApiGuard guard);

    JsObject build();
}
