package dev.ttrtc.runtime.api;


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
     * Adds an accessor property {@code obj.<name>}: reading it calls {@code getter} (no
     * arguments), assigning calls {@code setter} with the new value as argument 0 (null makes the
     * property read-only: assignments are ignored, as for the platform's read-only fields). What
     * they throw is thrown into JS.
     */
    JsObjectBuilder property(String name, SyncApi getter, SyncApi setter);

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
