package dev.ttrtc.runtime.api;

/** An opaque handle to a JS object made by a {@link JsObjectBuilder}; return it from a {@link SyncApi}. */
public interface JsObject {
}
