package dev.ttrtc.reliability.faults;

import static dev.ttrtc.reliability.faults.FaultKit.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.media.NativeCensus;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.reliability.Figures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue "Faults" (e): a participant with audio and video joins and leaves 200 times next to a
 * steady one; media must flow both ways in every cycle, and afterwards our own native objects,
 * threads and heap are where they were. The process RSS is measured and reported, not judged:
 * webrtc-java 0.14.0 never frees a closed peer connection (upstream issue #239).
 */
class JoinLeaveCyclesTest {
    static final int WARM_UP = 3;
    static final int CYCLES = 200;
    /** Each cycle opens a link each way: a send and a receive peer connection on each side. */
    static final int PEER_CONNECTIONS_PER_CYCLE = 4;

    /** Our own threads by name prefix (tt-engine, tt-audio, tt-video, ...); the JDK's WebSocket pool comes and goes. */
    static Map<String, Integer> hostThreads() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("tt-") && !t.getName().startsWith("tt-signal-io")) {
                counts.merge(t.getName().replaceFirst("^(tt-[a-z]+)-.*", "$1"), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** tt.request's cached pool: an earlier test in this JVM may have left idle threads that retire meanwhile. */
    static final String RETIRING_POOL = "tt-net";

    /** Every family as it was, but the retiring pool, which may only have shrunk. */
    static boolean noFamilyGrew(Map<String, Integer> before, Map<String, Integer> now) {
        Map<String, Integer> others = new TreeMap<>(now);
        Map<String, Integer> othersBefore = new TreeMap<>(before);
        int pool = others.getOrDefault(RETIRING_POOL, 0);
        others.remove(RETIRING_POOL);
        othersBefore.remove(RETIRING_POOL);
        return others.equals(othersBefore) && pool <= before.getOrDefault(RETIRING_POOL, 0);
    }

    static long nativeThreads() throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.count();
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set, from /proc/self/status, in kB. */
    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    static boolean flowing(RemoteParticipant listener, String from) {
        RemoteMediaStats s = FaultKit.stats(listener.remoteMedia(from));
        return s != null && s.audio().packetsReceived() > 0 && s.camera().framesDecoded() > 0;
    }

    /** Join, first audio packets and video frames both ways, leave, and the steady one lets go. */
    static void cycle(RemoteParticipant steady, RemoteParticipant visitor, Map<String, Integer> census) throws Exception {
        visitor.join().get(FaultKit.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        try {
            await("the steady one receives the visitor", () -> flowing(steady, visitor.userId()));
            await("the visitor receives the steady one", () -> flowing(visitor, steady.userId()));
        } catch (AssertionError e) {
            visitor.leave().get(FaultKit.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError(e.getMessage() + "; the steady one gets " + FaultKit.stats(steady.remoteMedia(visitor.userId()))
                    + ", the visitor gets " + FaultKit.stats(visitor.remoteMedia(steady.userId())) + "; the visitor saw "
                    + visitor.events().subList(Math.max(0, visitor.events().size() - 12), visitor.events().size()) + "; the steady one saw "
                    + steady.events().subList(Math.max(0, steady.events().size() - 12), steady.events().size()), e);
        }
        visitor.leave().get(FaultKit.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await("the steady one lets the visitor go", () -> steady.members().stream().noneMatch(m -> m.userId().value().equals(visitor.userId()))
                && steady.remoteMedia(visitor.userId()).isEmpty());
        if (census != null) {
            await("native objects back to " + census + " (now " + NativeCensus.live() + ")", () -> NativeCensus.live().equals(census));
        }
    }

    @Test
    void two_hundred_cycles_leave_our_native_objects_threads_and_heap_where_they_were() throws Exception {
        try (FaultKit kit = new FaultKit()) {
            RemoteParticipant steady = FaultKit.joinPublishing(kit.participant("r", "steady"));
            RemoteParticipant visitor = kit.participant("r", "visitor");
            visitor.startCapture(MediaKind.AUDIO);
            visitor.startCapture(MediaKind.VIDEO);
            for (int i = 0; i < WARM_UP; i++) {
                cycle(steady, visitor, null);
            }
            Map<String, Integer> census = NativeCensus.live();
            Map<String, Integer> threads = hostThreads();
            long nativeThreads = nativeThreads();
            long heap = usedHeapAfterGc();
            long rss = rssKb();
            long started = System.nanoTime();
            int failures = 0;
            int done = 0;
            AssertionError first = null;
            for (int i = 1; i <= CYCLES; i++) {
                done++;
                try {
                    cycle(steady, visitor, census);
                } catch (AssertionError e) {
                    failures++;
                    first = first == null ? new AssertionError("cycle " + i + ": " + e.getMessage(), e) : first;
                    if (failures >= 3) {
                        break;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            await("host threads no more than " + threads + " (now " + hostThreads() + ")", () -> noFamilyGrew(threads, hostThreads()));
            long heapNow = usedHeapAfterGc();
            long rssNow = rssKb();
            long nativeNow = nativeThreads();
            double perCycleKb = (rssNow - rss) / (double) done;
            String measured = String.format("%d cycles in %.0f s; RSS %d -> %d MB (%+.0f kB a cycle, %.0f kB a peer connection);"
                    + " heap %d -> %d MB; native threads %d -> %d", done, seconds, rss >> 10, rssNow >> 10, perCycleKb,
                    perCycleKb / PEER_CONNECTIONS_PER_CYCLE, heap >> 20, heapNow >> 20, nativeThreads, nativeNow);
            System.out.println("Join/leave cycles: " + measured);
            Figures.record("Faults", String.format("%d join/leave cycles with audio and video next to a steady participant:"
                    + " media both ways each cycle; own native objects, threads, heap back to baseline;"
                    + " RSS %+.0f kB a cycle (webrtc-java 0.14.0 keeps closed peer connections)", CYCLES, perCycleKb),
                    done, failures);
            if (first != null) {
                throw first;
            }
            assertEquals(census, NativeCensus.live(), "our native objects");
            assertTrue(heapNow - heap < 32L << 20, "heap " + (heap >> 20) + " MB -> " + (heapNow >> 20) + " MB");
        }
        assertEquals(Map.of(), NativeCensus.live(), "everything closed at the end");
    }
}
