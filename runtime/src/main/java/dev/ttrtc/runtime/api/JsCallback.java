package dev.ttrtc.runtime.api;

/**
 * An opaque handle to a JS function passed to an API. Two handles are equal when they refer to
 * the same function, so {@code offX(fn)} can find what {@code onX(fn)} added.
 */
public interface JsCallback {
}
