package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The RTC state behind one mini-program instance, for embedders: which engines its room contexts
 * and mini-game engines hold, and the rooms they are in now. The RTC module attaches it to each
 * instance it installs into, so it belongs to that instance (and its host), not to an id.
 */
public final class MiniProgramRtc {
    /** One engine of an instance, and a view of the room it is in now (null when in none). */
    public record Entry(RtcEngine engine, Supplier<RtcRoom> room) {
    }

    private static final MiniProgramRtc NONE = new MiniProgramRtc();

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    MiniProgramRtc() {
    }

    /** The RTC state of {@code program}; without the RTC module, one with no engines. */
    public static MiniProgramRtc of(MiniProgram program) {
        return program.attachment(MiniProgramRtc.class).orElse(NONE);
    }

    Entry register(RtcEngine engine, Supplier<RtcRoom> room) {
        Entry entry = new Entry(engine, room);
        entries.add(entry);
        return entry;
    }

    void unregister(Entry entry) {
        entries.remove(entry);
    }

    /** The instance's engines, oldest first (usually one room context). */
    public List<Entry> engines() {
        return List.copyOf(entries);
    }

    /** The room the instance's newest engine is in, or null. */
    public RtcRoom currentRoom() {
        List<Entry> all = engines();
        for (int i = all.size() - 1; i >= 0; i--) {
            RtcRoom room = all.get(i).room().get();
            if (room != null) {
                return room;
            }
        }
        return null;
    }
}
