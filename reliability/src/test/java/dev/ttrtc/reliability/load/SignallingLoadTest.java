package dev.ttrtc.reliability.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.Eventually;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 100 rooms of 4 sample mini-program instances each, through one room server in this JVM, in the
 * signalling-only mode (rooms, members, publish state; no audio or video: the load is the
 * runtime and the room server, not media). Every instance must list its room's four members,
 * and everything must be released afterwards.
 */
class SignallingLoadTest {
    static final int ROOMS = 100;
    static final int PER_ROOM = 4;
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void a_hundred_rooms_of_four_instances_hold_in_one_jvm() throws Exception {
        int threadsBefore = Thread.activeCount();
        List<MiniProgram> instances = new ArrayList<>();
        try (RoomServer server = RoomServer.builder().port(0).build().start();
             MiniProgramHost host = MiniProgramHost.create()) {
            long started = System.nanoTime();
            for (int r = 0; r < ROOMS; r++) {
                for (int u = 0; u < PER_ROOM; u++) {
                    String room = "load-" + r;
                    String user = "u" + u;
                    instances.add(host.launch(LaunchOptions.builder(Path.of("..", "sample-miniapp"))
                            .page("pages/room/room")
                            .query("roomId", room).query("userId", user).query("token", token(room, user))
                            .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(MediaConfig.SIGNALLING_ONLY))
                            .build()));
                }
            }
            int listing = awaitEveryInstanceListsItsRoom(instances);
            long allJoinedMillis = (System.nanoTime() - started) / 1_000_000;
            List<RoomSnapshot> rooms = server.rooms();
            assertEquals(ROOMS, rooms.size());
            assertTrue(rooms.stream().allMatch(room -> room.members().size() == PER_ROOM), "every room holds four members");
            System.gc();
            long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            int threads = Thread.activeCount();

            instances.forEach(MiniProgram::close);
            awaitEmpty(server);
            Figures.record("Load", String.format("%d rooms × %d sample instances in one JVM, signalling-only: all joined and listing "
                    + "their rooms in %.1f s; heap %d MB after GC (%.1f MB per instance); %d threads", ROOMS, PER_ROOM,
                    allJoinedMillis / 1000.0, heapMb, (double) heapMb / instances.size(), threads - threadsBefore),
                    instances.size(), instances.size() - listing);
        }
    }

    /** Waits until every instance's page data lists four members; returns how many do. */
    private static int awaitEveryInstanceListsItsRoom(List<MiniProgram> instances) throws InterruptedException {
        return Eventually.await("every one of " + instances.size() + " instances listing its room's four members (last: how many did)",
                TIMEOUT, () -> (int) instances.stream().filter(i -> i.pageData().path("members").size() == PER_ROOM).count(),
                listing -> listing == instances.size());
    }

    private static void awaitEmpty(RoomServer server) throws InterruptedException {
        Eventually.await("no rooms left after every instance closed (last: how many)", TIMEOUT, () -> server.rooms().size(),
                rooms -> rooms == 0);
    }

    private static String token(String room, String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, 3600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }
}
