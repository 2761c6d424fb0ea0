package dev.ttrtc.tools.harness;

import dev.ttrtc.runtime.script.ScriptValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The one handle table of a driver context: Java objects reach JS as integers found here. Every
 * object belongs to the test that made it (its scope's handle) and is forgotten with that test,
 * so that a file of many tests does not keep the elements, instances and participants of the
 * ones that ended. Loop thread only.
 */
final class Handles {
    private record Entry(Object object, int scope) {
    }

    private final Map<Integer, Entry> table = new HashMap<>();
    private int next = 1;

    /** Registers a test's scope; it owns itself and what is registered under it. */
    int registerScope(TestScope scope) {
        int handle = next++;
        table.put(handle, new Entry(scope, handle));
        return handle;
    }

    /** Registers an object made in the test that owns {@code owner} (a scope or any object of that test). */
    int register(Object object, ScriptValue owner) {
        int handle = next++;
        table.put(handle, new Entry(object, entry(owner.asInt()).scope()));
        return handle;
    }

    <T> T get(ScriptValue handle, Class<T> type) {
        Object object = entry(handle.asInt()).object();
        if (!type.isInstance(object)) {
            throw new IllegalStateException("handle " + handle.asInt() + " is not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** Forgets a scope and everything registered under it. */
    void forgetScope(int scopeHandle) {
        table.values().removeIf(e -> e.scope() == scopeHandle);
    }

    private Entry entry(int handle) {
        Entry entry = table.get(handle);
        if (entry == null) {
            throw new IllegalStateException("stale handle " + handle + " (the test that made it has ended)");
        }
        return entry;
    }
}
