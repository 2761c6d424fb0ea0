package dev.ttrtc.bridge.media;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the native WebRTC objects this host has created and not yet closed or disposed, by kind
 * (peer connections, tracks, sources). Tests read it to prove that leaving participants leave
 * nothing behind.
 */
public final class NativeCensus {
    private static final Map<String, AtomicInteger> LIVE = new ConcurrentHashMap<>();

    private NativeCensus() {
    }

    static void created(String kind) {
        LIVE.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    static void released(String kind) {
        LIVE.computeIfAbsent(kind, k -> new AtomicInteger()).decrementAndGet();
    }

    /** Live objects by kind (kinds with none are left out). */
    public static Map<String, Integer> live() {
        Map<String, Integer> snapshot = new TreeMap<>();
        LIVE.forEach((kind, count) -> {
            if (count.get() != 0) {
                snapshot.put(kind, count.get());
            }
        });
        return snapshot;
    }

    public static int total() {
        return LIVE.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
