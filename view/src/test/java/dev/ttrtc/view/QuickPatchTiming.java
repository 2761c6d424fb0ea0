package dev.ttrtc.view;

import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A quick measurement of the hot path, not a test: setData issued → patch ops delivered to a
 * listener, once warm. Run with {@code java -cp … dev.ttrtc.view.QuickPatchTiming [project]};
 * the bench module will hold the real benchmark.
 */
public final class QuickPatchTiming {
    private QuickPatchTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("quick-patch");
        Fixture.in(dir)
                .page("pages/list/list", "Page({ data: { list: Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'item ' + i })) } });",
                        "<view tt:for=\"{{list}}\" tt:key=\"id\" class=\"row\"><text>{{item.name}}</text></view>")
                .write();
        try (MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60)))) {
            long t0 = System.nanoTime();
            MiniProgram list = host.launch(LaunchOptions.builder(dir).build());
            System.out.printf("launch of the 1,000-item page (cold JVM): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            report("1,000-item list, one item changed", measure(list, i -> "getCurrentPages()[0].setData({ 'list[500].name': 'n" + i + "' })"));
            list.close();
            if (args.length > 0) {
                MiniProgram room = host.launch(LaunchOptions.builder(Path.of(args[0])).page("pages/room/room")
                        .query("roomId", "r").query("userId", "me").build());
                room.evaluate("getCurrentPages()[0].setData({ members: ['me','bob','carol'], videoMembers: ['me','bob','carol'] })")
                        .get(10, TimeUnit.SECONDS);
                report("room page, one text change", measure(room, i -> "getCurrentPages()[0].setData({ state: 's" + i + "' })"));
            }
        }
    }

    interface Script {
        String source(int i);
    }

    private static List<Long> measure(MiniProgram app, Script script) throws Exception {
        AtomicLong delivered = new AtomicLong();
        app.view().addListener(ops -> delivered.set(System.nanoTime()));
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            delivered.set(0);
            long start = System.nanoTime();
            app.evaluate(script.source(i)).get(10, TimeUnit.SECONDS);
            if (i >= 500 && delivered.get() != 0) {
                samples.add(delivered.get() - start);
            }
        }
        return samples;
    }

    private static void report(String what, List<Long> samples) {
        Collections.sort(samples);
        double p50 = samples.get(samples.size() / 2) / 1e6;
        double p95 = samples.get(samples.size() * 95 / 100) / 1e6;
        System.out.printf("%-40s p50 %.3f ms  p95 %.3f ms  (n=%d)%n", what, p50, p95, samples.size());
    }
}
