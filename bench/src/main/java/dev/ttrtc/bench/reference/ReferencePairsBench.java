package dev.ttrtc.bench.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The reference DESIGN.md asks for, measured side by side in one run through one room server: two
 * headless Chromium pages (the simulator page's browser participant), two mini-program instances
 * (sample-miniapp, in a child JVM) and two Java participants ({@code RemoteParticipant}, in a
 * child JVM) each join a room as a pair, again and again. Per pair: B's join call → joined,
 * → connected, → first audio packet, → first decoded video frame (both directions), and the CPU,
 * memory and received media of the pair's processes over a steady window.
 */
public final class ReferencePairsBench implements Benchmark {

    /** The three kinds of pairs, in the order they run. */
    enum Kind {
        CHROMIUM("chromium", "2 Chromium pages"),
        MINIPROGRAM("miniprogram", "2 mini-program instances"),
        JAVA("java", "2 Java participants");

        final String wireName;
        final String label;

        Kind(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }
    }

    @Override
    public String id() {
        return "reference.pairs";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("ref-runs", 5, 1, "measured runs per kind of pair (after one warm-up run)"),
                Flags.Spec.of("ref-settle", 2, 1, "seconds after first media before the steady window"),
                Flags.Spec.of("ref-window", 5, 2, "steady window per run, seconds (CPU, fps)"),
                Flags.Spec.of("ref-pairs", "chromium,miniprogram,java", "chromium,miniprogram,java",
                        "kinds of pairs to run (chromium, miniprogram, java)"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = Math.max(1, flags.integer("ref-runs"));
        int settle = flags.integer("ref-settle");
        int window = Math.max(1, flags.integer("ref-window"));
        Set<Kind> kinds = kinds(flags.string("ref-pairs"));
        Map<Kind, List<PairRun>> results = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (RoomServer server = RoomServer.builder().port(0).handler(BenchPage.PATH, new BenchPage()).build().start()) {
            URI page = server.httpUri().resolve(BenchPage.PAGE);
            for (Kind kind : kinds) {
                long started = System.nanoTime();
                try {
                    List<PairRun> runsOfKind = kind == Kind.CHROMIUM
                            ? ChromiumPair.run(page, server.signalUri(), runs, settle * 1000L, window * 1000L, report::progress)
                            : child(kind, server.signalUri(), runs, settle, window, report);
                    results.put(kind, runsOfKind.stream().filter(r -> !r.warmup()).toList());
                } catch (Exception e) {
                    failures.add(kind.label + ": " + e.getMessage());
                    e.printStackTrace();
                }
                report.progress(kind.label + " took " + String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e9) + " s");
            }
        }
        report.table(latencyTable(results, runs));
        report.table(steadyTable(results, runs, settle, window));
        if (!failures.isEmpty()) {
            throw new IllegalStateException(String.join("; ", failures));
        }
    }

    private static Set<Kind> kinds(String list) {
        Set<Kind> kinds = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            Kind kind = null;
            for (Kind k : Kind.values()) {
                if (k.wireName.equals(name.trim())) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("--ref-pairs: unknown kind " + name + " (chromium, miniprogram, java)");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static List<PairRun> child(Kind kind, URI signal, int runs, int settle, int window, Report report) throws Exception {
        report.progress(kind.label + ": " + (runs + 1) + " runs in a child JVM (one warm-up)");
        List<String> command = ChildJvm.command(JvmPairChild.class, List.of(kind.wireName, signal.toString(),
                String.valueOf(runs), String.valueOf(settle), String.valueOf(window)));
        List<PairRun> out = new ArrayList<>();
        for (JsonNode line : ChildJvm.run(command, Duration.ofSeconds(60 + (runs + 1) * (settle + window + 45L)))) {
            out.add(PairRun.fromJson(line));
        }
        return out;
    }

    private Table latencyTable(Map<Kind, List<PairRun>> results, int runs) {
        Table table = Table.latency(id(), "Reference pairs: join to connected and first media", "pair", "measured", "missing")
                .describe("Each run: A is in a fresh room with microphone and camera open, B (the same) joins; every time is "
                        + "from B's join call (for the mini-program the joinRtcRoom API-call entry; for Chromium the call of "
                        + "BrowserParticipant.join() with getUserMedia already open). `joined` is B's own join; the other "
                        + "rows pool both directions (B receiving A and A receiving B), so n = 2 × runs. `connected`: the "
                        + "receiving peer connection's state turning \"connected\" (Chromium: RTCPeerConnection.connectionState; "
                        + "webrtc-java: RemoteMedia.connectedNanos()). First RTP packet: packetsReceived > 0. First audio: "
                        + "inbound audio packetsReceived > 0; first video: camera framesDecoded > 0. Stats are polled every "
                        + "10 ms in all three (times are ≤ 10 ms late). " + runs + " runs per pair after one warm-up run; "
                        + "`missing`: not within 15–20 s.");
        for (var entry : results.entrySet()) {
            Kind kind = entry.getKey();
            List<PairRun> rs = entry.getValue();
            row(table, kind, "B: join call → joined", rs.stream().map(PairRun::joinedMs).toList());
            row(table, kind, "join call → connected (peer connection)", links(rs, PairRun.Link::connectedMs));
            row(table, kind, "join call → first RTP packet", links(rs, PairRun.Link::firstPacketMs));
            row(table, kind, "join call → first audio packet", links(rs, PairRun.Link::firstAudioMs));
            row(table, kind, "join call → first video frame decoded", links(rs, PairRun.Link::firstVideoMs));
        }
        return table;
    }

    private static void row(Table table, Kind kind, String measured, List<Double> values) {
        List<Double> present = values.stream().filter(v -> v != null).toList();
        table.summaryRow(Stats.of(present), kind.label, measured, values.size() - present.size());
    }

    private static List<Double> links(List<PairRun> runs, Function<PairRun.Link, Double> field) {
        List<Double> out = new ArrayList<>();
        runs.forEach(r -> r.links().forEach(l -> out.add(field.apply(l))));
        return out;
    }

    private Table steadyTable(Map<Kind, List<PairRun>> results, int runs, int settle, int window) {
        int cores = Runtime.getRuntime().availableProcessors();
        Table table = new Table(id(), "Reference pairs: CPU, memory and received media in a steady window",
                List.of("pair", "processes", "runs", "CPU % of one core p50", "min", "max", "CPU % of machine p50",
                        "PSS MB p50", "fps per link p50", "fps per link min", "audio packets/s per link p50", "video received"))
                .describe("The same runs, " + settle + " s after first media: CPU (utime + stime from /proc, 10 ms ticks) of "
                        + "the pair's processes over a " + window + " s window, as % of one core (" + cores + " cores = "
                        + cores * 100 + " %). Chromium: every process both chromedrivers started (browser, zygotes, renderer, "
                        + "GPU, network, audio and utility processes), the drivers themselves not; mini-program and Java: "
                        + "the child JVM holding both participants (GraalJS and the JVM included). The room server runs in "
                        + "the bench's own JVM for all three and is not counted. PSS: proportional set size summed over "
                        + "those processes at the window's end. Media: all three send audio and 320x240 video at 15 fps "
                        + "(Chromium: its fake devices, a beep and a test card, camera " + ChromiumPair.cameraSettings
                        + "; the host: the speech recording and the test pattern) and decode what they receive; Chromium "
                        + "also plays it into audio and video elements. fps and audio packets/s: what each receiver "
                        + "decoded and received from the other over the window. Medians over " + runs + " runs.");
        for (var entry : results.entrySet()) {
            List<PairRun> rs = entry.getValue();
            Summary cpu = Stats.of(rs.stream().map(PairRun::cpuCorePercent).toList());
            List<Double> fps = new ArrayList<>();
            List<Double> audio = new ArrayList<>();
            Set<String> sizes = new LinkedHashSet<>();
            rs.forEach(r -> r.links().forEach(l -> {
                fps.add(l.fps());
                audio.add(l.audioPacketsPerSecond());
                sizes.add(l.videoSize());
            }));
            Summary f = Stats.of(fps);
            table.row(entry.getKey().label, (int) Stats.median(rs.stream().map(r -> (double) r.processes()).toList()),
                    rs.size(), cpu.p50(), cpu.min(), cpu.max(), cpu.p50() / cores,
                    Stats.median(rs.stream().map(PairRun::pssMb).toList()), f.p50(), f.min(), Stats.median(audio),
                    String.join(", ", sizes));
        }
        return table;
    }
}
