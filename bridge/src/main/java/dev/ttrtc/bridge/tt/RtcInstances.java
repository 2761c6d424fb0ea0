package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The RTC state behind each mini-program instance, for embedders: which engines its room
 * contexts and mini-game engines hold, and the rooms they are in now. Keyed by
 * {@code MiniProgram.id()}; an instance's entries disappear when it closes.
 */
public final class RtcInstances {
    /** One engine of an instance, and a view of the room it is in now (null when in none). */
    public record Entry(RtcEngine engine, Supplier<RtcRoom> room) {
    }

    private static final Map<String, List<Entry>> BY_INSTANCE = new ConcurrentHashMap<>();

    private RtcInstances() {
    }

    static Entry register(String instanceId, RtcEngine engine, Supplier<RtcRoom> room) {
        Entry entry = new Entry(engine, room);
        BY_INSTANCE.computeIfAbsent(instanceId, id -> new CopyOnWriteArrayList<>()).add(entry);
        return entry;
    }

    static void unregister(String instanceId, Entry entry) {
        List<Entry> entries = BY_INSTANCE.get(instanceId);
        if (entries != null) {
            entries.remove(entry);
            if (entries.isEmpty()) {
                BY_INSTANCE.remove(instanceId, entries);
            }
        }
    }

    /** The engines of an instance, oldest first (usually one room context). */
    public static List<Entry> of(String instanceId) {
        return List.copyOf(BY_INSTANCE.getOrDefault(instanceId, List.of()));
    }

    /** The room the instance's newest engine is in, or null. */
    public static RtcRoom currentRoom(String instanceId) {
        List<Entry> entries = of(instanceId);
        for (int i = entries.size() - 1; i >= 0; i--) {
            RtcRoom room = entries.get(i).room().get();
            if (room != null) {
                return room;
            }
        }
        return null;
    }
}
