package dev.ttrtc.runtime.script;

/**
 * A JS value of a {@link ScriptContext}, used on that context's loop thread only.
 *
 * <p>Arguments handed to JS ({@link #call}, {@link #invoke}) may be null, a String, Number or
 * Boolean, a {@link ScriptFunction}, a {@code Map<String, ScriptFunction>} (an object of
 * functions) or another ScriptValue of the same context.
 */
public interface ScriptValue {

    boolean isNull();

    String asString();

    int asInt();

    long asLong();

    boolean asBoolean();

    /**
     * Calls this function value.
     *
     * @throws ScriptException when it throws
     */
    ScriptValue call(Object... args);

    /**
     * Calls the method {@code name} of this object.
     *
     * @throws ScriptException when it throws
     */
    ScriptValue invoke(String name, Object... args);
}
