package dev.ttrtc.bench.reference;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.simulator.Simulator;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's live video, seen from its page in headless Chromium: the sample's room page
 * shows a Java participant's camera (320x240 at 15 fps) and its own preview in rtc-room tiles.
 * Over a steady window: pictures the mini-program decoded (or, for the preview, captured), the
 * pictures the simulator sent, and those the page decoded and showed (an image's load event).
 */
public final class SimulatorVideoBench implements Benchmark {
    private static final String ROOM = "sim-video";

    @Override
    public String id() {
        return "simulator.video";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(Flags.Spec.of("sim-video-window-ms", 10_000, 3_000, "length of each measured window"),
                Flags.Spec.of("sim-video-runs", 3, 1, "windows measured"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        long window = flags.integer("sim-video-window-ms");
        int runs = flags.integer("sim-video-runs");
        Table table = new Table(id(), "Simulator page: live video shown against decoded (rtc-room tiles, Chromium)",
                List.of("tile", "window", "decoded fps", "sent fps", "shown fps", "shown / decoded"))
                .describe("The sample's room page in the simulator; bob, a Java participant, publishes his camera "
                        + "(the host's 320x240 test pattern at 15 fps). decoded: pictures the mini-program decoded from "
                        + "bob (for me/video: its own camera frames captured); sent: JPEG pictures the simulator pushed "
                        + "over the page socket; shown: pictures the page's img elements finished loading.");
        try (RoomServer server = RoomServer.builder().port(0).build().start();
                Simulator simulator = Simulator.builder(server.signalUri()).rooms(server::rooms).defaultRoom(ROOM).build();
                MiniProgramHost host = MiniProgramHost.create()) {
            server.mount("/", simulator.handler());
            MiniProgram program = host.launch(LaunchOptions.builder(Projects.sample()).page("pages/room/room")
                    .query("roomId", ROOM).query("userId", "me").query("token", Tokens.of(ROOM, "me"))
                    .extension(RtcSettings.class, RtcSettings.of(server.signalUri())).build());
            simulator.show(program, null);
            RemoteParticipant bob = simulator.addRemote("bob", ROOM);
            bob.startCapture(MediaKind.VIDEO);
            bob.join().get(30, TimeUnit.SECONDS);
            report.progress("simulator video: starting Chromium");
            try (ChromiumPair.Browser browser = ChromiumPair.Browser.start()) {
                browser.open(simulator.pageUri(server.httpUri()));
                awaitTiles(browser);
                for (int run = 0; run < runs; run++) {
                    report.progress("simulator video window " + (run + 1) + "/" + runs);
                    Map<String, Map<String, Number>> before = stats(browser);
                    Map<String, Long> sentBefore = simulator.framesSent();
                    long start = System.nanoTime();
                    Thread.sleep(window); // the measured window: the page keeps showing what arrives
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Map<String, Map<String, Number>> after = stats(browser);
                    Map<String, Long> sentAfter = simulator.framesSent();
                    for (String tile : List.of("bob/video", "me/video")) {
                        double decoded = delta(before, after, tile, "decoded") / seconds;
                        double shown = delta(before, after, tile, "shown") / seconds;
                        double sent = (sentAfter.getOrDefault(tile, 0L) - sentBefore.getOrDefault(tile, 0L)) / seconds;
                        table.row(tile, String.format("%.1f s", seconds), String.format("%.1f", decoded),
                                String.format("%.1f", sent), String.format("%.1f", shown),
                                decoded > 0 ? String.format("%.0f %%", 100 * shown / decoded) : "-");
                    }
                }
            }
        }
        report.table(table);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Number>> stats(ChromiumPair.Browser browser) {
        return (Map<String, Map<String, Number>>) browser.script("return window.ttSimVideoStats();");
    }

    private static double delta(Map<String, Map<String, Number>> before, Map<String, Map<String, Number>> after,
            String tile, String field) {
        double a = after.containsKey(tile) ? after.get(tile).get(field).doubleValue() : 0;
        double b = before.containsKey(tile) ? before.get(tile).get(field).doubleValue() : 0;
        return a - b;
    }

    private static void awaitTiles(ChromiumPair.Browser browser) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Map<String, Map<String, Number>> now = stats(browser);
            if (now != null && now.containsKey("bob/video") && now.containsKey("me/video")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the simulator page showed no video within 60 s");
    }
}
