package dev.ttrtc.bench.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgramHost;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The child JVM of {@link ColdStartBench}: launches one instance of a project as the very first
 * thing and prints when each step finished, as wall-clock microseconds, in one JSON line.
 *
 * <p>Arguments: the project folder.
 */
public final class ColdStartChild {
    private ColdStartChild() {
    }

    public static void main(String[] args) throws Exception {
        long mainMicros = Clocks.epochMicros();
        Path project = Path.of(args[0]);
        // The host creates its GraalJS engine lazily inside the first launch; warming it up here
        // first splits "engine ready" from "first instance ready".
        MiniProgramHost.warmUp();
        long engineMicros = Clocks.epochMicros();
        MiniProgramHost host = MiniProgramHost.create();
        long launchStart = Clocks.epochMicros();
        host.launch(LaunchOptions.builder(project).build());
        long launched = Clocks.epochMicros();
        long secondStart = Clocks.epochMicros();
        host.launch(LaunchOptions.builder(project).build());
        long secondLaunched = Clocks.epochMicros();

        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("jvm_start_micros", ManagementFactory.getRuntimeMXBean().getStartTime() * 1000);
        out.put("main_micros", mainMicros);
        out.put("engine_micros", engineMicros);
        out.put("launch_start_micros", launchStart);
        out.put("launched_micros", launched);
        out.put("second_launch_start_micros", secondStart);
        out.put("second_launched_micros", secondLaunched);
        System.out.println(out);
        System.out.flush();
        // halt, not exit: the measurement is done, and closing native media objects is not part of it.
        Runtime.getRuntime().halt(0);
    }
}
