package dev.ttrtc.bench.server;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Summary;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.ServerMessage;
import dev.ttrtc.bridge.signal.client.SignalConnection;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import dev.ttrtc.testkit.SignalStorm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast healthy rooms are answered while one client does its worst (issue 15's attack, see
 * {@link SignalStorm}): it fills a room with invisible members, as many connections as the
 * server allows it, then toggles {@code speaking} just under the rate limit. Healthy rooms of 4
 * members each send a request ({@code update}, alternating capture, so that the 3 others are told
 * too) every 100 ms; the latency is from the send to the {@code ack}. The same rooms on a fresh
 * server without the attacker are the reference, in the same run.
 */
public final class StormLatencyBench implements Benchmark {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_EVERY = Duration.ofMillis(100);

    @Override
    public String id() {
        return "server.storm";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("storm-invisible", 2000, 300, "invisible members the attacker tries to join"),
                Flags.Spec.of("storm-rate", 190, 190, "speaking toggles a second"),
                Flags.Spec.of("storm-seconds", 10, 3, "length of each measured window"),
                Flags.Spec.of("storm-rooms", 10, 4, "healthy rooms of 4 members"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int invisible = flags.integer("storm-invisible");
        int rate = flags.integer("storm-rate");
        Duration window = Duration.ofSeconds(flags.integer("storm-seconds"));
        int rooms = flags.integer("storm-rooms");
        ServerSettings settings = ServerSettings.defaults();
        Table table = new Table(id(), "Healthy rooms' answer latency while one client does its worst",
                List.of("phase", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms", "unanswered", "healthy connections lost"))
                .describe(rooms + " healthy rooms of 4 members (" + rooms * 4 + " connections), each member sending an "
                        + "update every " + REQUEST_EVERY.toMillis() + " ms (its 3 room mates are told); latency = send to ack. "
                        + "Attacker: one room, " + invisible + " invisible joins (the server admits "
                        + settings.maxInvisibleMembers() + " per room and " + settings.maxConnectionsPerAddress()
                        + " connections per address, and refuses the rest), then a member toggling speaking " + rate
                        + "/s for " + window.toSeconds() + " s. Reference: the same healthy rooms on a fresh server, no "
                        + "attacker. Goal: p99 < 100 ms under attack. One unmeasured warm-up window first.");
        try (RoomServer server = RoomServer.builder().port(0).build().start(); HealthyLoad load = HealthyLoad.open(server, rooms)) {
            report.progress("storm: warm-up");
            load.measure(Duration.ofSeconds(2));
            report.progress("storm: reference, no attacker");
            row(table, "reference (no attacker)", load.measure(window));
        }
        try (RoomServer server = RoomServer.builder().port(0).build().start(); HealthyLoad load = HealthyLoad.open(server, rooms);
                SignalStorm storm = new SignalStorm(server.signalUri(), DevelopmentApp.APP_ID, "storm", Tokens::of)) {
            report.progress("storm: warm-up");
            load.measure(Duration.ofSeconds(2));
            storm.joinToggler();
            report.progress("storm: " + invisible + " invisible joins");
            CompletableFuture<SignalStorm.Outcome> filling = CompletableFuture.supplyAsync(() -> {
                try {
                    return storm.fill(invisible);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Result duringFill = load.measureWhile(() -> !filling.isDone());
            SignalStorm.Outcome outcome = filling.join();
            row(table, "during the joins (" + outcome.answers() + ")", duringFill);
            report.progress("storm: toggling " + rate + "/s");
            CompletableFuture<Long> toggling = CompletableFuture.supplyAsync(() -> storm.toggle(rate, window));
            Result duringToggles = load.measureWhile(() -> !toggling.isDone());
            row(table, "during the toggling (" + toggling.join() + " toggles, " + storm.held() + " invisible members' connections kept)",
                    duringToggles);
        }
        report.table(table);
    }

    private static void row(Table table, String phase, Result r) {
        Summary s = Stats.of(r.latencies());
        table.row(phase, r.latencies().size(), s.p50(), s.p95(), s.p99(), s.max(), r.unanswered(), r.lost());
    }

    private record Result(List<Double> latencies, long unanswered, long lost) {
    }

    /** The healthy rooms: {@code rooms} rooms of 4 members on the engine's own signalling client. */
    private static final class HealthyLoad implements AutoCloseable {
        private final List<SignalConnection> members = new ArrayList<>();
        private final AtomicLong lostConnections = new AtomicLong();
        /** Room news is not measured; a lost connection is counted (its requests then go unanswered). */
        private final SignalConnection.Listener lost = new SignalConnection.Listener() {
            @Override
            public void onMessage(SignalConnection connection, ServerMessage message) {
            }

            @Override
            public void onLost(SignalConnection connection, String reason) {
                lostConnections.incrementAndGet();
            }
        };

        static HealthyLoad open(RoomServer server, int rooms) throws Exception {
            HealthyLoad load = new HealthyLoad();
            for (int r = 0; r < rooms; r++) {
                for (int m = 0; m < 4; m++) {
                    String roomId = "healthy-" + r;
                    String userId = "member-" + m;
                    SignalConnection c = SignalConnection.open(server.signalUri(), load.lost, Duration.ofSeconds(10))
                            .get(10, TimeUnit.SECONDS);
                    load.members.add(c);
                    c.request(id -> new ClientMessage.Join(id, DevelopmentApp.APP_ID, roomId, userId, Tokens.of(roomId, userId),
                            true, MediaState.NONE, null)).get(10, TimeUnit.SECONDS);
                }
            }
            return load;
        }

        Result measure(Duration length) throws InterruptedException {
            long end = System.nanoTime() + length.toNanos();
            return measureWhile(() -> System.nanoTime() < end);
        }

        /** Each member sends a request every {@link #REQUEST_EVERY}, staggered, while {@code going}. */
        Result measureWhile(java.util.function.BooleanSupplier going) throws InterruptedException {
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong unanswered = new AtomicLong();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            long start = System.nanoTime();
            long[] sent = new long[members.size()];
            while (going.getAsBoolean()) {
                long now = System.nanoTime();
                for (int i = 0; i < members.size(); i++) {
                    // Member i's k-th request is due at start + (k + i / n) periods.
                    long due = start + sent[i] * REQUEST_EVERY.toNanos() + i * REQUEST_EVERY.toNanos() / members.size();
                    if (now >= due) {
                        boolean capture = sent[i] % 2 == 0;
                        long t0 = System.nanoTime();
                        CompletableFuture<ServerMessage> answer = members.get(i).request(id -> new ClientMessage.Update(id,
                                MediaState.NONE.withAudioCapture(capture)));
                        pending.add(answer.orTimeout(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((m, e) -> {
                            if (e == null) {
                                latencies.add((System.nanoTime() - t0) / 1e6);
                            } else {
                                unanswered.incrementAndGet();
                            }
                        }));
                        sent[i]++;
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            return new Result(new ArrayList<>(latencies), unanswered.get(), lostConnections.get());
        }

        @Override
        public void close() {
            members.forEach(SignalConnection::close);
        }
    }
}
