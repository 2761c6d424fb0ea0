package dev.ttrtc.bridge.media;

import static dev.ttrtc.bridge.media.MediaTestKit.awaitStats;
import static dev.ttrtc.bridge.media.MediaTestKit.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.testkit.Eventually;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Participants that come and go leave nothing behind: native objects, threads, heap. */
class MediaLifecycleTest {
    static final int CYCLES = 20;

    /** Our own threads by name prefix (tt-engine, tt-audio, tt-video, ...). */
    private static Map<String, Integer> hostThreads() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("tt-") && !t.getName().startsWith("tt-signal-io")) {
                counts.merge(t.getName().replaceFirst("^(tt-[a-z]+)-.*", "$1"), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long nativeThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void visit(MediaTestKit kit, RemoteParticipant stayer, int cycle) throws Exception {
        RemoteParticipant visitor = kit.participant("visitor" + cycle, MediaConfig.DEFAULT, RoomConfig.DEFAULT);
        visitor.startCapture(MediaKind.AUDIO);
        visitor.startCapture(MediaKind.VIDEO);
        join(visitor);
        awaitStats(stayer, visitor.userId(), s -> s.audio().packetsReceived() > 10 && s.camera().framesDecoded() > 2);
        awaitStats(visitor, "stayer", s -> s.audio().packetsReceived() > 10 && s.camera().framesDecoded() > 2);
        visitor.close();
        Eventually.await("the stayer seeing the visitor leave", MediaTestKit.TIMEOUT,
                () -> stayer.members().stream().noneMatch(m -> m.userId().value().equals(visitor.userId())));
        assertTrue(stayer.remoteMedia(visitor.userId()).isEmpty(), "the stayer dropped the visitor's media");
    }

    @Test
    void twenty_join_leave_cycles_leave_no_native_object_thread_or_heap_behind() throws Exception {
        try (MediaTestKit kit = new MediaTestKit()) {
            RemoteParticipant stayer = kit.participant("stayer", MediaConfig.DEFAULT, RoomConfig.DEFAULT);
            stayer.startCapture(MediaKind.AUDIO);
            stayer.startCapture(MediaKind.VIDEO);
            join(stayer);
            visit(kit, stayer, 0);
            Map<String, Integer> census = NativeCensus.live();
            Map<String, Integer> threads = hostThreads();
            long nativeThreads = nativeThreads();
            long heap = usedHeapAfterGc();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                visit(kit, stayer, cycle);
                assertEquals(census, NativeCensus.live(), "native objects after cycle " + cycle);
            }
            assertEquals(threads, hostThreads(), "host threads");
            long nativeNow = nativeThreads();
            assertTrue(nativeNow <= nativeThreads + 4, "native threads " + nativeThreads + " -> " + nativeNow);
            long heapNow = usedHeapAfterGc();
            assertTrue(heapNow - heap < 32L << 20, "heap " + (heap >> 20) + " MB -> " + (heapNow >> 20) + " MB");
        }
        assertEquals(Map.of(), NativeCensus.live(), "everything closed at the end");
    }
}
