package dev.ttrtc.bench.calls;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a call across the JS→Java bridge costs, against a plain JS function call, inside one
 * instance of a one-page project: a sync tt API without parameters worth converting
 * ({@code tt.canIUse}), a sync one that returns a stored JSON value ({@code tt.getStorageSync}),
 * an async one answered through its success callback ({@code tt.getStorage}: the call, the Java
 * side, and the callback posted back to the instance's loop), and {@code MiniProgram.evaluate}
 * from Java (a task posted to the loop, the source evaluated, the result converted to JSON and
 * handed back).
 *
 * <p>JS has only {@code Date.now()} (millisecond resolution) in the sandbox, so JS calls are timed
 * in batches sized to last about {@code --call-batch-ms} each: per-call time = batch time / calls.
 * The batches of all kinds are interleaved, so a slow moment of the machine hits all of them.
 * evaluate() is timed per call from Java with {@link System#nanoTime()}.
 */
public final class BridgeCallBench implements Benchmark {
    private static final long TIMEOUT_SECONDS = 60;

    /** One kind of JS call: its label, whether it crosses the bridge, and a batch of {@code n} calls as JS source. */
    private record Kind(String label, String crossing, String batch) {
        String source(int n) {
            return batch.replace("N_CALLS", Integer.toString(n));
        }
    }

    private static final String SYNC_BATCH = "(() => { %s let s = 0; const t0 = Date.now();"
            + " for (let i = 0; i < N_CALLS; i++) { %s } return { ms: Date.now() - t0, s }; })()";

    private static final List<Kind> KINDS = List.of(
            new Kind("plain JS function call `f(s)`", "none",
                    String.format(SYNC_BATCH, "function f(x) { return x + 1; }", "s = f(s);")),
            new Kind("`tt.canIUse('getStorage')`", "sync",
                    String.format(SYNC_BATCH, "", "if (tt.canIUse('getStorage')) s++;")),
            new Kind("`tt.getStorageSync('bench')`", "sync",
                    String.format(SYNC_BATCH, "", "s += tt.getStorageSync('bench').n;")),
            new Kind("`tt.getStorage({key, success})`, next call from the callback", "async",
                    "new Promise((resolve) => { let i = 0; const t0 = Date.now();"
                            + " const next = () => { if (i++ === N_CALLS) { resolve({ ms: Date.now() - t0, s: i }); return; }"
                            + " tt.getStorage({ key: 'bench', success: next,"
                            + " fail: (e) => resolve({ ms: -1, error: e.errMsg }) }); };"
                            + " next(); })"));

    @Override
    public String id() {
        return "calls.bridge";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("call-batches", 30, 3, "measured batches per kind of call"),
                Flags.Spec.of("call-warmup-ms", 3000, 500, "warm-up before measuring (batches of every kind, sizing them)"),
                Flags.Spec.of("call-batch-ms", 50, 20, "how long one batch of JS calls should take (sets the calls per batch)"),
                Flags.Spec.of("evaluate-calls", 50, 10, "evaluate() round trips timed per batch"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int batches = flags.integer("call-batches");
        int batchMillis = Math.max(10, flags.integer("call-batch-ms"));
        int evaluateCalls = Math.max(1, flags.integer("evaluate-calls"));
        int warmupMillis = flags.integer("call-warmup-ms");
        Map<Kind, List<Double>> perCall = new LinkedHashMap<>();
        Map<Kind, Integer> sizes = new LinkedHashMap<>();
        List<Double> evaluate = new ArrayList<>();
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram program = host.launch(LaunchOptions.builder(Projects.minimal()).build());
            eval(program, "tt.setStorageSync('bench', { n: 1, text: 'a stored value' }); true");
            // Warm-up: the JVM compiles GraalJS's interpreter and the bridge while the batch sizes settle
            // (a cold call is several times slower than a warm one, so sizing from cold calls would
            // make the measured batches far shorter than asked for).
            report.progress("bridge calls: warm-up and batch sizes (" + warmupMillis + " ms)");
            KINDS.forEach(kind -> sizes.put(kind, 100));
            long warmupEnd = System.nanoTime() + warmupMillis * 1_000_000L;
            for (int round = 0; round < 3 || System.nanoTime() < warmupEnd; round++) {
                for (Kind kind : KINDS) {
                    int n = sizes.get(kind);
                    double ms = batchMillis(program, kind, n);
                    sizes.put(kind, (int) Math.max(1, Math.min(50_000_000L, Math.round(n * batchMillis / Math.max(ms, 0.5)))));
                }
                for (int i = 0; i < evaluateCalls; i++) {
                    eval(program, "0");
                }
            }
            report.progress("bridge calls: " + batches + " batches per kind; calls per batch " + sizes.values());
            KINDS.forEach(kind -> perCall.put(kind, new ArrayList<>()));
            for (int batch = 0; batch < batches; batch++) {
                for (Kind kind : KINDS) {
                    perCall.get(kind).add(batchMicrosPerCall(program, kind, sizes.get(kind)));
                }
                for (int i = 0; i < evaluateCalls; i++) {
                    long start = System.nanoTime();
                    eval(program, "0");
                    evaluate.add((System.nanoTime() - start) / 1e3);
                }
            }
            program.close();
        }

        Table table = new Table(id(), "JS→Java bridge calls against a plain JS call (per call, one instance)",
                List.of("call", "crosses the bridge", "batches", "calls per batch", "n", "p50 µs", "p95 µs", "p99 µs",
                        "min µs", "max µs", "p50 ÷ plain call p50"))
                .describe("One instance of a one-page project (no RTC); GraalJS interpreted. JS calls run in batches "
                        + "sized to last about " + batchMillis + " ms (JS has only Date.now() in the sandbox); each sample "
                        + "is one batch's time / its calls, loop included. The async row chains the calls: each next call "
                        + "starts in the previous one's success callback, so it is the full round trip JS → Java → a task "
                        + "on the instance's loop → JS. Every tt call also records its API-call/result entries in the event "
                        + "log, as always. evaluate(): Java → a task on the loop → the value as JSON → Java, each call "
                        + "timed with System.nanoTime() (" + evaluateCalls + " per batch). Batches of all kinds are "
                        + "interleaved; " + batches + " measured after " + warmupMillis + " ms of warm-up batches (which also size them).");
        double plain = Stats.of(perCall.get(KINDS.get(0))).p50();
        for (Kind kind : KINDS) {
            Summary s = Stats.of(perCall.get(kind));
            table.row(kind.label(), kind.crossing(), batches, sizes.get(kind), s.n(), s.p50(), s.p95(), s.p99(), s.min(),
                    s.max(), s.p50() / plain);
        }
        Summary e = Stats.of(evaluate);
        table.row("`MiniProgram.evaluate(\"0\")` from Java", "Java → loop → Java", batches, evaluateCalls, e.n(), e.p50(),
                e.p95(), e.p99(), e.min(), e.max(), e.p50() / plain);
        report.table(table);
    }

    private static double batchMicrosPerCall(MiniProgram program, Kind kind, int n) throws Exception {
        return batchMillis(program, kind, n) * 1000.0 / n;
    }

    private static double batchMillis(MiniProgram program, Kind kind, int n) throws Exception {
        JsonNode result = eval(program, kind.source(n));
        double ms = result.path("ms").asDouble(-1);
        if (ms < 0) {
            throw new IllegalStateException(kind.label() + " failed: " + result);
        }
        return ms;
    }

    private static JsonNode eval(MiniProgram program, String source) throws Exception {
        return program.evaluate(source).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
