package dev.ttrtc.bench.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.ChildJvm;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a fresh JVM's setData gets up to speed: view.patch's case (a) from the page's first setData
 * on, in chunks of consecutive steps, with the heap in huge pages (bench/run's default where the
 * kernel offers them, tools/jvm-flags.sh) and in 4 KB pages, the runs interleaved. It shows what
 * view.patch's "after 3000 steps" row sits in: the JIT still compiling GraalJS's interpreter, and
 * the page faults of a young generation that has just grown.
 */
public final class ViewWarmupBench implements Benchmark {
    private static final int CHUNK = 500;
    /** The table's windows of steps, by their last step. */
    private static final int[] WINDOW_ENDS = {2_000, 5_000, 10_000, 15_000, 20_000, 30_000};

    private record Variant(String pages, List<String> flags) {
    }

    /** One child JVM's chunks: p50 step time (µs) and minor faults of each. */
    private record Run(double[] p50Micros, long[] faults) {
    }

    @Override
    public String id() {
        return "view.warmup";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("view-fresh-jvms", 3, 1, "fresh JVMs per heap page size"),
                Flags.Spec.of("view-fresh-steps", 30_000, 10_000, "steps each JVM measures, in chunks of " + CHUNK));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = flags.integer("view-fresh-jvms");
        int chunks = Math.max(1, flags.integer("view-fresh-steps") / CHUNK);
        List<Variant> variants = variants();
        List<List<Run>> results = new ArrayList<>();
        variants.forEach(v -> results.add(new ArrayList<>()));
        for (int r = 0; r < runs; r++) {
            for (int v = 0; v < variants.size(); v++) {
                report.progress("view warm-up, " + variants.get(v).pages() + " pages, JVM " + (r + 1) + "/" + runs);
                List<String> command = ChildJvm.command(ViewWarmupChild.class, variants.get(v).flags(),
                        List.of(String.valueOf(chunks), String.valueOf(CHUNK)));
                results.get(v).add(parse(ChildJvm.run(command, Duration.ofMinutes(5)).get(0)));
            }
        }

        Table table = new Table(id(), "setData → view patched in a fresh JVM: (a) one text on the room page, step by step",
                List.of("steps", "heap pages", "runs", "p50 µs", "slowest chunk p50 µs", "minor faults / 1,000 steps"))
                .describe("Each run is a fresh JVM with bench/run's flags; `4 KB` adds -XX:-UseTransparentHugePages. "
                        + "It launches view.patch's case (a) and measures its steps from the page's first setData on, in "
                        + "chunks of " + CHUNK + " consecutive steps (a step's time as in view.patch: the gap between two steps' patch ops, so "
                        + (CHUNK - 1) + " samples a chunk). For the chunks of a "
                        + "row's steps: `p50 µs`, the median of their p50s (median over the runs); `slowest chunk`, the "
                        + "highest chunk p50 of any run; the minor page faults of the whole process per 1,000 steps "
                        + "(median over the runs). The runs of the two page sizes alternate.");
        int first = 1;
        for (int end : WINDOW_ENDS) {
            int from = (first - 1) / CHUNK;
            int to = Math.min(chunks, end / CHUNK);
            if (from >= to) {
                break;
            }
            for (int v = 0; v < variants.size(); v++) {
                List<Double> medians = new ArrayList<>();
                List<Double> faultRates = new ArrayList<>();
                double slowest = 0;
                for (Run run : results.get(v)) {
                    List<Double> p50s = new ArrayList<>();
                    long faults = 0;
                    for (int c = from; c < to; c++) {
                        p50s.add(run.p50Micros()[c]);
                        slowest = Math.max(slowest, run.p50Micros()[c]);
                        faults += run.faults()[c];
                    }
                    medians.add(Stats.median(p50s));
                    faultRates.add(faults * 1000.0 / ((to - from) * CHUNK));
                }
                table.row(String.format("%,d–%,d", first, to * CHUNK), variants.get(v).pages(), runs,
                        Stats.median(medians), slowest, Stats.median(faultRates));
            }
            first = end + 1;
        }
        report.table(table);
    }

    /**
     * Huge pages against 4 KB pages where the flag decides, as with the kernel's THP mode
     * {@code madvise}; otherwise (mode {@code always} backs the heap with huge pages whatever
     * the flag says, {@code never} never does) one variant, as this JVM runs.
     */
    private static List<Variant> variants() throws IOException {
        boolean flagOn = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseTransparentHugePages").getValue().equals("true");
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String kernel = Files.isReadable(mode) ? Files.readString(mode).trim() : "absent";
        if (flagOn && kernel.contains("[madvise]")) {
            return List.of(new Variant("2 MB (huge)", List.of()), new Variant("4 KB", List.of("-XX:-UseTransparentHugePages")));
        }
        return List.of(new Variant("as this JVM runs (UseTransparentHugePages " + flagOn + ", kernel THP " + kernel + ")",
                List.of()));
    }

    private static Run parse(JsonNode child) {
        JsonNode p50 = child.get("p50_us");
        JsonNode faults = child.get("minor_faults");
        double[] micros = new double[p50.size()];
        long[] counts = new long[faults.size()];
        for (int i = 0; i < micros.length; i++) {
            micros[i] = p50.get(i).asDouble();
            counts[i] = faults.get(i).asLong();
        }
        return new Run(micros, counts);
    }
}
