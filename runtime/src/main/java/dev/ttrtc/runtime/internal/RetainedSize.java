package dev.ttrtc.runtime.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An estimate of the heap one GraalJS context keeps: the objects reachable from it, walked by
 * reflection, stopping at what every context shares (the engine, languages, parsed code, classes,
 * threads) and at the host's own objects (which lead to other instances). GraalJS on a stock JDK
 * offers no per-context heap measure, and allocation counts garbage too: a busy instance that
 * keeps nothing allocates more than a slow hoarder. Used by the {@link HeapGuard} only when the
 * heap is full after a collection, so its cost (a walk of what the instance keeps) is paid
 * rarely. Sizes are shallow-size estimates (16 bytes a header, 8 a reference or primitive); the
 * walk stops after {@value #MAX_OBJECTS} objects and reports what it saw, which ranks instances
 * just as well. Objects of classes this code may not open (the JDK's own) count their shallow
 * size only.
 */
final class RetainedSize {
    static final int MAX_OBJECTS = 1_000_000;

    /** Classes whose instances are shared by every context of the engine, or lead out of this one. */
    private static final List<String> SHARED_PREFIXES = List.of(
            "org.graalvm.polyglot.Engine", "com.oracle.truffle.polyglot.PolyglotEngineImpl",
            "com.oracle.truffle.polyglot.PolyglotLanguage", "com.oracle.truffle.polyglot.PolyglotInstrument",
            "com.oracle.truffle.api.nodes.", "com.oracle.truffle.api.source.", "com.oracle.truffle.runtime.",
            "com.oracle.truffle.js.runtime.JSContext", "com.oracle.truffle.js.runtime.builtins.JSFunctionData",
            "com.oracle.truffle.js.lang.JavaScriptLanguage", "com.oracle.truffle.api.TruffleLanguage",
            "com.oracle.truffle.api.object.Shape", "dev.ttrtc.", "org.slf4j.", "java.lang.Class", "java.lang.ClassLoader",
            "java.lang.Thread", "java.lang.ref.");

    private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private RetainedSize() {
    }

    /** The estimated bytes reachable from {@code root} that belong to it alone. */
    static long of(Object root) {
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        seen.add(root);
        long bytes = 0;
        int visited = 0;
        while (!pending.isEmpty() && visited++ < MAX_OBJECTS) {
            Object object = pending.pop();
            Class<?> type = object.getClass();
            if (type.isArray()) {
                int length = Array.getLength(object);
                Class<?> component = type.getComponentType();
                bytes += 16 + (long) length * (component.isPrimitive() ? primitiveSize(component) : 8);
                if (!component.isPrimitive()) {
                    for (Object element : (Object[]) object) {
                        push(element, seen, pending);
                    }
                }
                continue;
            }
            Layout layout = LAYOUTS.computeIfAbsent(type, Layout::of);
            bytes += layout.shallowBytes;
            for (Field field : layout.references) {
                try {
                    push(field.get(object), seen, pending);
                } catch (IllegalAccessException | RuntimeException e) {
                    // Unreadable: counted shallow only.
                }
            }
        }
        return bytes;
    }

    private static void push(Object value, Set<Object> seen, ArrayDeque<Object> pending) {
        if (value != null && !isShared(value.getClass()) && seen.add(value)) {
            pending.push(value);
        }
    }

    private static boolean isShared(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getName();
            for (String prefix : SHARED_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int primitiveSize(Class<?> type) {
        return type == long.class || type == double.class ? 8 : type == int.class || type == float.class ? 4
                : type == short.class || type == char.class ? 2 : 1;
    }

    /** The reference fields of a class (those this code may open) and its shallow size. */
    private record Layout(long shallowBytes, List<Field> references) {
        static Layout of(Class<?> type) {
            long bytes = 16;
            List<Field> references = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    bytes += field.getType().isPrimitive() ? primitiveSize(field.getType()) : 8;
                    if (!field.getType().isPrimitive() && trySetAccessible(field)) {
                        references.add(field);
                    }
                }
            }
            return new Layout(bytes, List.copyOf(references));
        }

        private static boolean trySetAccessible(Field field) {
            try {
                return field.trySetAccessible();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
