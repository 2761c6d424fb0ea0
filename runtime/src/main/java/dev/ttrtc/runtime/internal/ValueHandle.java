package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.api.JsCallback;
import dev.ttrtc.runtime.api.JsObject;
import org.graalvm.polyglot.Value;

/** A JS object or function held by Java code; equal when it is the same JS object. */
record ValueHandle(Value value) implements JsObject, JsCallback {
}
