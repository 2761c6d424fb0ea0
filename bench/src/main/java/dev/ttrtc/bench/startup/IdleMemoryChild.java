package dev.ttrtc.bench.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link IdleMemoryBench}: after one warm-up instance (so the engine, classes
 * and native libraries are already loaded), measures heap after GC and resident memory, launches
 * {@code count} instances, lets them idle, and measures again. Prints one JSON line.
 *
 * <p>Arguments: the project folder, the number of instances, the idle time in milliseconds.
 */
public final class IdleMemoryChild {
    private IdleMemoryChild() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long idleMillis = Long.parseLong(args[2]);
        MiniProgramHost host = MiniProgramHost.create();
        LaunchOptions options = LaunchOptions.builder(project).build();
        host.launch(options).close();
        Thread.sleep(200);

        long heapBefore = ProcessMetrics.heapUsedAfterGc();
        long rssBefore = ProcessMetrics.rssBytes();
        List<MiniProgram> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(host.launch(options));
        }
        Thread.sleep(idleMillis);
        long heapAfter = ProcessMetrics.heapUsedAfterGc();
        long rssAfter = ProcessMetrics.rssBytes();
        int threads = Thread.activeCount();

        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("instances", held.size());
        out.put("heap_before", heapBefore);
        out.put("heap_after", heapAfter);
        out.put("rss_before", rssBefore);
        out.put("rss_after", rssAfter);
        out.put("java_threads", threads);
        System.out.println(out);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
