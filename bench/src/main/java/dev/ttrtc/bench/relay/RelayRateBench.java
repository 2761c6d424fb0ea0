package dev.ttrtc.bench.relay;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How many messages a second the room server relays between members. N sender/receiver pairs on
 * raw signalling connections, each pair in its own room. Two phases per run:
 * <ul>
 *   <li>burst: every sender sends just under its burst allowance back to back; the rate is all
 *       those messages over the time until the last one arrived (what the server does unthrottled);</li>
 *   <li>steady: every sender paces itself just under the per-connection limit (the server refuses
 *       a connection's messages beyond {@code maxMessagesPerSecond}, pings included, and
 *       disconnects it after 20 refusals); the rate is messages that arrived during the window
 *       over its length, the relay latency is from each message's send to its arrival.</li>
 * </ul>
 * Aggregate throughput therefore grows with connections until the server's single actor thread
 * (or the two cores) saturate.
 */
public final class RelayRateBench implements Benchmark {

    @Override
    public String id() {
        return "relay.rate";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("pairs", "1,4,16", "1,4", "numbers of concurrent sender/receiver pairs"),
                Flags.Spec.of("relay-runs", 3, 1, "runs per number of pairs (fresh server each)"),
                Flags.Spec.of("relay-seconds", 3, 1, "length of the steady window"),
                Flags.Spec.of("relay-rate", 195, 195, "messages a second each sender paces itself to in the steady window"),
                Flags.Spec.of("relay-burst", 350, 350, "messages each sender sends back to back in the burst phase"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        List<Integer> pairCounts = flags.integers("pairs");
        int runs = flags.integer("relay-runs");
        double seconds = flags.integer("relay-seconds");
        int rate = flags.integer("relay-rate");
        int burst = flags.integer("relay-burst");
        ServerSettings limits = ServerSettings.defaults();
        Table table = new Table(id(), "Relayed messages a second",
                List.of("pairs", "runs", "steady msgs/s", "per sender msgs/s", "burst msgs/s", "latency p50 ms",
                        "latency p99 ms", "latency max ms", "refused"))
                .describe("Messages of " + RelayPair.messageBytes() + " bytes. Server limit per connection: "
                        + limits.maxMessagesPerSecond() + " msgs/s sustained, bursts of " + 2 * limits.maxMessagesPerSecond()
                        + " (ServerSettings.defaults(); the client's pings every 500 ms count too), so one connection tops out "
                        + "near " + limits.maxMessagesPerSecond() + " msgs/s. Steady: each sender paced at " + rate + " msgs/s for "
                        + (int) seconds + " s; msgs/s are medians over " + runs + " run(s), latency is pooled over the runs. "
                        + "Burst: each sender sends " + burst + " messages back to back; rate = all of them / time to the "
                        + "last arrival. `refused` counts rate-limit refusals (should be 0). One unmeasured warm-up run first.");
        // Unmeasured: the first run of a JVM also times class loading and the JIT compiling the relay path.
        report.progress("relay warm-up");
        runOnce(2, 1, rate, burst);
        for (int pairs : pairCounts) {
            List<Double> steady = new ArrayList<>();
            List<Double> bursts = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            long refused = 0;
            for (int run = 0; run < runs; run++) {
                report.progress("relay with " + pairs + " pair(s), run " + (run + 1) + "/" + runs);
                RunResult r = runOnce(pairs, seconds, rate, burst);
                steady.add(r.steadyRate);
                bursts.add(r.burstRate);
                latencies.addAll(r.latencies);
                refused += r.refused;
            }
            Summary latency = Stats.of(latencies);
            double steadyMedian = Stats.median(steady);
            table.row(pairs, runs, steadyMedian, steadyMedian / pairs, Stats.median(bursts), latency.p50(), latency.p99(),
                    latency.max(), refused);
        }
        report.table(table);
    }

    private record RunResult(double steadyRate, double burstRate, List<Double> latencies, long refused) {
    }

    private static RunResult runOnce(int pairCount, double seconds, int rate, int burst) throws Exception {
        try (RoomServer server = RoomServer.builder().port(0).build().start()) {
            List<RelayPair> pairs = new ArrayList<>();
            try {
                for (int i = 0; i < pairCount; i++) {
                    pairs.add(RelayPair.open(server.signalUri(), "relay-" + i));
                }
                double burstRate = burst(pairs, burst);
                return steady(pairs, seconds, rate, burstRate);
            } finally {
                pairs.forEach(RelayPair::close);
            }
        }
    }

    /** All senders send {@code count} messages back to back; returns messages a second until the last arrived. */
    private static double burst(List<RelayPair> pairs, int count) throws InterruptedException {
        long expected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            for (RelayPair pair : pairs) {
                pair.send();
            }
        }
        for (RelayPair pair : pairs) {
            expected += pair.sent();
        }
        long deadline = start + 15_000_000_000L;
        while (received(pairs) < expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long last = pairs.stream().mapToLong(RelayPair::lastReceivedNanos).max().orElse(start);
        return received(pairs) / ((last - start) / 1e9);
    }

    /**
     * Every sender paced at {@code rate} from one thread (all senders together, a tick a
     * millisecond); arrivals are counted over the same window.
     */
    private static RunResult steady(List<RelayPair> pairs, double seconds, int rate, double burstRate)
            throws InterruptedException {
        // Let the server's bucket refill a little after the burst, so pacing never runs into it.
        Thread.sleep(500);
        long[] base = pairs.stream().mapToLong(RelayPair::sent).toArray();
        pairs.forEach(p -> p.recordLatency(true));
        long receivedBefore = received(pairs);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        while ((now = System.nanoTime()) < end) {
            long due = (long) ((now - start) / 1e9 * rate);
            for (int i = 0; i < pairs.size(); i++) {
                RelayPair pair = pairs.get(i);
                while (pair.sent() - base[i] < due) {
                    pair.send();
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        long receivedInWindow = received(pairs) - receivedBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Let the last messages arrive before their latencies are read.
        Thread.sleep(300);
        pairs.forEach(p -> p.recordLatency(false));
        List<Double> latencies = new ArrayList<>();
        pairs.forEach(p -> latencies.addAll(p.latencies()));
        long refused = pairs.stream().mapToLong(RelayPair::refused).sum();
        return new RunResult(receivedInWindow / elapsed, burstRate, latencies, refused);
    }

    private static long received(List<RelayPair> pairs) {
        long total = 0;
        for (RelayPair pair : pairs) {
            total += pair.received();
        }
        return total;
    }
}
