package dev.ttrtc.bench.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.Stats;

/**
 * The child JVM of {@link ViewWarmupBench}: case (a) of view.patch from the first setData of a
 * fresh JVM on, in chunks of consecutive steps. Prints one JSON line: per chunk, the p50 step
 * time in microseconds and the minor page faults.
 *
 * <p>Arguments: the number of chunks, the steps per chunk.
 */
public final class ViewWarmupChild {
    private ViewWarmupChild() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        PatchCase roomText = PatchCase.all(ViewPatchBench.roomTemplate()).get(0);
        ObjectNode out = new ObjectMapper().createObjectNode();
        ArrayNode p50 = out.putArray("p50_us");
        ArrayNode faults = out.putArray("minor_faults");
        try (HostPatchRunner host = new HostPatchRunner()) {
            for (HostPatchRunner.Chunk chunk : host.chunks(roomText, count, size)) {
                p50.add(Stats.of(chunk.times()).p50() * 1000);
                faults.add(chunk.minorFaults());
            }
        }
        System.out.println(out);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
