package dev.ttrtc.bench.view;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;

/**
 * setData → view patched, for the three cases of the view issue, side by side with j-component
 * (miniprogram-simulate) rendering the same template and data under node in the same run.
 */
public final class ViewPatchBench implements Benchmark {

    @Override
    public String id() {
        return "view.patch";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("view-samples", 500, 50, "measured setData steps per case, renderer and phase"),
                Flags.Spec.of("view-warmup", 3000, 300, "setData steps before the first measurement (both renderers)"),
                Flags.Spec.of("view-warm-seconds", 10, 2, "seconds each renderer runs a case; the warm samples are "
                        + PatchTimes.BURSTS + " bursts over its second half"),
                Flags.Spec.of("view-launches", 20, 3, "launches of each sample page for the first-render table"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int samples = flags.integer("view-samples");
        int warmup = flags.integer("view-warmup");
        int warmSeconds = flags.integer("view-warm-seconds");
        String early = "after " + warmup + " steps";
        String spread = seconds(PatchTimes.burstStart(warmSeconds, 0)) + "–" + warmSeconds + " s";
        String warm = spread + " in";
        Path jcomponentDir = Projects.root().resolve("bench/target/jcomponent");
        report.progress("installing j-component into " + jcomponentDir + " (npm, first run only)");
        JComponent reference = JComponent.install(jcomponentDir);

        Table table = new Table(id(), "setData → view patched: tt-rtc-host against j-component, same template and data",
                List.of("case", "renderer", "measured", "n", "p50 ms", "p95 ms", "p99 ms", "min ms", "max ms"))
                .describe("tt-rtc-host: the page's steps run back to back in one task on the instance's loop; a sample "
                        + "is the time from one step's patch ops reaching a listener to the next's (building the update, "
                        + "setData, render, reconcile, ops). A setData made from Java adds the round trip of the last row. "
                        + "j-component " + JComponent.PACKAGES + ": building the update, `setData` (synchronous there) and a "
                        + "DOM check, in one node process. The room case is sample-miniapp's room page template with its "
                        + "SJS inlined; rtc-room is the host's element on one side and a plain custom component on the other. "
                        + "Each renderer measures each case twice in one run, the same way: `" + early + "`, " + samples
                        + " consecutive steps after " + warmup + " warm-up steps; `" + warm + "`, " + PatchTimes.BURSTS
                        + " bursts of consecutive steps (" + samples + " in all) spread over " + spread
                        + " after the case's first step, the steps in between unmeasured. Both engines compile hot code "
                        + "as it runs (V8; HotSpot compiling GraalJS's interpreter, which takes far longer to settle), "
                        + "and the spread keeps one phase of the runtime or the machine (a garbage collection, a "
                        + "recompilation, the kernel reclaiming memory) from deciding a row alone.");
        try (HostPatchRunner host = new HostPatchRunner()) {
            for (PatchCase patchCase : PatchCase.all(roomTemplate())) {
                report.progress("view: " + patchCase.name());
                PatchTimes hostTimes = host.run(patchCase, warmup, warmSeconds, samples);
                PatchTimes referenceTimes = reference.run(patchCase, warmup, warmSeconds, samples);
                row(table, patchCase.name(), "tt-rtc-host", early, Stats.of(hostTimes.early()));
                row(table, patchCase.name(), "j-component", early, Stats.of(referenceTimes.early()));
                row(table, patchCase.name(), "tt-rtc-host", warm, Stats.of(hostTimes.warm()));
                row(table, patchCase.name(), "j-component", warm, Stats.of(referenceTimes.warm()));
            }
            row(table, "a call from Java: evaluate round trip, no setData", "tt-rtc-host", "after " + warmup + " calls",
                    Stats.of(host.roundTrip(warmup, samples)));
            report.table(table);

            Table firstRender = Table.latency(id(), "First render of each sample-miniapp page (launch() → page shown)", "page")
                    .describe("launch() returns once the first page is rendered and shown (onReady follows): app.js, "
                            + "the page's script, its TTML compiled and rendered, its TTSS compiled. One host with a warm "
                            + "engine, " + flags.integer("view-launches") + " launches per page, each closed before the next; "
                            + "the room page's RTC context is created but no room server runs.");
            for (String page : List.of("pages/index/index", "pages/room/room")) {
                report.progress("view: first render of " + page);
                firstRender.summaryRow(Stats.of(host.firstRender(Projects.sample(), page, flags.integer("view-launches"))), page);
            }
            report.table(firstRender);
        }
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void row(Table table, String name, String renderer, String measured, Summary summary) {
        table.summaryRow(summary, name, renderer, measured);
    }

    /** The sample's room page template with its SJS module inlined, so that both renderers read one file. */
    static String roomTemplate() throws Exception {
        Path sample = Projects.sample();
        String ttml = Files.readString(sample.resolve("pages/room/room.ttml"));
        String sjs = Files.readString(sample.resolve("utils/list.sjs"));
        String inline = "<sjs module=\"list\">" + sjs + "</sjs>";
        String replaced = ttml.replaceFirst("<sjs module=\"list\" src=\"[^\"]*\" />", Matcher.quoteReplacement(inline));
        if (replaced.equals(ttml)) {
            throw new IllegalStateException("the room page no longer loads list.sjs as the benchmark expects");
        }
        return replaced;
    }
}
