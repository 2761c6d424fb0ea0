package dev.ttrtc.runtime.script;

/**
 * A Java function a {@link ScriptContext}'s JS can call, on the loop thread. It returns null, a
 * String, Number or Boolean; what it throws is thrown into the calling JS.
 */
@FunctionalInterface
public interface ScriptFunction {
    Object call(ScriptValue[] args);
}
