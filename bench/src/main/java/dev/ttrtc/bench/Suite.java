package dev.ttrtc.bench;

import dev.ttrtc.bench.calls.BridgeCallBench;
import dev.ttrtc.bench.compile.CompileBench;
import dev.ttrtc.bench.compile.HostCompileBench;
import dev.ttrtc.bench.media.CapacityBench;
import dev.ttrtc.bench.media.FirstMediaBench;
import dev.ttrtc.bench.media.RoomLoadBench;
import dev.ttrtc.bench.media.SpeakerDelayBench;
import dev.ttrtc.bench.reference.ReferencePairsBench;
import dev.ttrtc.bench.reference.SimulatorVideoBench;
import dev.ttrtc.bench.relay.RelayRateBench;
import dev.ttrtc.bench.rooms.JoinLatencyBench;
import dev.ttrtc.bench.rooms.MiniProgramJoinBench;
import dev.ttrtc.bench.server.StormLatencyBench;
import dev.ttrtc.bench.startup.ColdStartBench;
import dev.ttrtc.bench.startup.IdleMemoryBench;
import dev.ttrtc.bench.startup.InstanceLaunchBench;
import dev.ttrtc.bench.view.ViewPatchBench;
import dev.ttrtc.bench.view.ViewWarmupBench;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The suites {@code bench/run} accepts, each a list of benchmarks run in order. */
public enum Suite {
    STARTUP("runtime: cold start, further instances, memory per idle instance",
            ColdStartBench::new, InstanceLaunchBench::new, IdleMemoryBench::new),
    COMPILE("runtime: the compile step (ES modules, TypeScript): candidate compilers on a real-sized project, and what "
            + "the step adds to launch(); about 15 minutes (the JS compilers run interpreted), so not part of `all`",
            false, CompileBench::new, HostCompileBench::new),
    CALLS("runtime: a JS→Java bridge call (sync and async tt APIs) against a plain JS call, and evaluate() from Java",
            BridgeCallBench::new),
    ROOMS("signalling: join latency with many rooms of Java members, and with a mini-program member",
            JoinLatencyBench::new, MiniProgramJoinBench::new),
    RELAY("signalling: messages a second the room server relays between members",
            RelayRateBench::new),
    SERVER("signalling under attack: healthy rooms' answer latency while one client does its worst, against the same "
            + "rooms without it", StormLatencyBench::new),
    MEDIA("media: join to first audio/video, speech onset to the JS speaker list, CPU and memory of a 4-person room, "
            + "the largest room this machine holds",
            FirstMediaBench::new, SpeakerDelayBench::new, RoomLoadBench::new, CapacityBench::new),
    VIEW("view: setData → patched view for a text, a replaced list and one item of a long list, against j-component; "
            + "the first 30,000 steps of a fresh JVM with and without huge pages",
            ViewPatchBench::new, ViewWarmupBench::new),
    REFERENCE("reference: two headless Chromium peers against two mini-program instances and two Java participants, "
            + "through the same room server",
            ReferencePairsBench::new),
    SIMULATOR("simulator: the live video its page in headless Chromium shows against what the mini-program decodes",
            SimulatorVideoBench::new);

    private final String description;
    private final boolean inAll;
    private final List<Supplier<Benchmark>> benchmarks;

    @SafeVarargs
    Suite(String description, Supplier<Benchmark>... benchmarks) {
        this(description, true, benchmarks);
    }

    @SafeVarargs
    Suite(String description, boolean inAll, Supplier<Benchmark>... benchmarks) {
        this.description = description;
        this.inAll = inAll;
        this.benchmarks = List.of(benchmarks);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public List<Benchmark> benchmarks() {
        return benchmarks.stream().map(Supplier::get).toList();
    }

    /** The suites a command-line name selects: one, or all of them for {@code all}. */
    public static Optional<List<Suite>> select(String name) {
        if (name.equals("all")) {
            return Optional.of(Arrays.stream(values()).filter(s -> s.inAll).toList());
        }
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst().map(List::of);
    }

    /** The suites' names, for messages: {@code startup, calls, …}. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Suite::wireName).toList());
    }

    /** Every benchmark of every suite (to know all flags). */
    public static List<Benchmark> everyBenchmark() {
        List<Benchmark> all = new ArrayList<>();
        for (Suite suite : values()) {
            all.addAll(suite.benchmarks());
        }
        return all;
    }
}
