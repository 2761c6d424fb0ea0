package dev.ttrtc.bench.rooms;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Report;
import dev.ttrtc.bench.Stats;
import dev.ttrtc.bench.Table;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Join latency under load: R rooms of 4 members, every member a Java engine in signalling-only
 * mode, all of them joining at the same moment. Per join it measures the call to the join
 * future's completion (a WebSocket handshake plus the join request), and the call to each other
 * member's {@code onUserJoined} for that user (a later joiner learns of earlier ones from its
 * join answer, an earlier one from the server's notice: both are "when the others know").
 *
 * <p>A notice that never comes is counted as missing (and described under the table) instead of
 * failing the run: simultaneous joins are exactly where such races show.
 */
public final class JoinLatencyBench implements Benchmark {
    private static final int JOIN_TIMEOUT_SECONDS = 60;
    /** How long, after every join future completed, the last onUserJoined may still take. */
    private static final int NOTICE_TIMEOUT_SECONDS = 5;
    private static final int EXAMPLES = 3;

    /** One member's join: when it was called, when its future completed, whether it failed. */
    private static final class Join {
        final String roomId;
        final String userId;
        final String token;
        final RtcRoom room;
        volatile long calledNanos;
        volatile long doneNanos;
        volatile Throwable error;

        Join(String roomId, String userId, String token, RtcRoom room) {
            this.roomId = roomId;
            this.userId = userId;
            this.token = token;
            this.room = room;
        }

        String key() {
            return roomId + "/" + userId;
        }
    }

    /** A member learning of another: {@code observer} saw {@code joiner} at {@code nanos}. */
    private record Seen(String observer, String joiner, long nanos) {
    }

    /** What one scale measured. */
    private static final class Tally {
        final List<Double> joined = new ArrayList<>();
        final List<Double> known = new ArrayList<>();
        final List<String> examples = new ArrayList<>();
        int failedJoins;
        int missingNotices;

        void problem(String text) {
            if (examples.size() < EXAMPLES) {
                examples.add(text);
            }
        }
    }

    @Override
    public String id() {
        return "rooms.join";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("scales", "1,10,100", "1,10", "numbers of rooms joining at once"),
                Flags.Spec.of("room-size", 4, 4, "members per room"),
                Flags.Spec.of("min-joins", 400, 8, "rounds are repeated until at least this many joins were measured per scale"),
                Flags.Spec.of("min-rounds", 3, 1, "rounds per scale at least"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        List<Integer> scales = flags.integers("scales");
        int size = flags.integer("room-size");
        int minJoins = flags.integer("min-joins");
        int minRounds = Math.max(1, flags.integer("min-rounds"));
        Table table = Table.latency(id(), "Join latency, Java members (signalling only), all rooms joining at once",
                "rooms", "members", "measured", "missing")
                .describe("Each round creates R rooms of " + size + " members; every member calls join at the same moment "
                        + "(one loop over all members). `call → joined` is the join future (WebSocket handshake + join "
                        + "request, the same path every participant takes); `call → others know` is, for every other member "
                        + "of the room, the time from the call to that member's onUserJoined for the joiner. `missing` counts "
                        + "failed joins and onUserJoined that never came (" + NOTICE_TIMEOUT_SECONDS + " s after the last "
                        + "join completed). Rounds (fresh rooms, same engines) repeat until at least " + minJoins
                        + " joins and " + minRounds + " rounds per scale; one unmeasured warm-up round first.");
        List<String> problems = new ArrayList<>();
        try (RoomServer server = RoomServer.builder().port(0).build().start()) {
            runScale(server.signalUri(), 1, size, 1, "warmup");
            for (int rooms : scales) {
                int rounds = Math.max(minRounds, (int) Math.ceil(minJoins / (double) (rooms * size)));
                report.progress(rooms + " rooms of " + size + ", " + rounds + " round(s)");
                Tally tally = runScale(server.signalUri(), rooms, size, rounds, "s" + rooms);
                table.summaryRow(Stats.of(tally.joined), rooms, rooms * size, "call → joined", tally.failedJoins);
                table.summaryRow(Stats.of(tally.known), rooms, rooms * size, "call → others know", tally.missingNotices);
                if (!tally.examples.isEmpty()) {
                    problems.add(rooms + " room(s): " + String.join("; ", tally.examples));
                }
            }
        }
        report.table(table);
        if (!problems.isEmpty()) {
            report.text("Missing notices (first " + EXAMPLES + " per scale): " + String.join(" — ", problems));
        }
    }

    private static Tally runScale(URI server, int rooms, int size, int rounds, String label) throws Exception {
        List<RtcEngine> engines = new ArrayList<>();
        for (int i = 0; i < rooms * size; i++) {
            engines.add(RtcEngine.create(EngineConfig.of(server, AppId.of(DevelopmentApp.APP_ID), label + "-" + i)
                    .withMedia(MediaConfig.SIGNALLING_ONLY)));
        }
        Tally tally = new Tally();
        try {
            for (int round = 0; round < rounds; round++) {
                runRound(engines, label + "-" + round, rooms, size, tally);
            }
        } finally {
            engines.parallelStream().forEach(RtcEngine::close);
        }
        return tally;
    }

    private static void runRound(List<RtcEngine> engines, String prefix, int rooms, int size, Tally tally)
            throws Exception {
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch allSeen = new CountDownLatch(rooms * size * (size - 1));
        List<Join> joins = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            String roomId = prefix + "-room" + r;
            for (int m = 0; m < size; m++) {
                String userId = "u" + m;
                RtcRoom room = engines.get(r * size + m).createRoom(RoomId.of(roomId));
                room.setRoomEventHandler(new RoomEventHandler() {
                    @Override
                    public void onUserJoined(UserId joiner) {
                        seen.add(new Seen(roomId + "/" + userId, roomId + "/" + joiner, System.nanoTime()));
                        allSeen.countDown();
                    }
                });
                joins.add(new Join(roomId, userId, Tokens.of(roomId, userId), room));
            }
        }
        // Tokens and rooms are ready: from here on only the joins themselves.
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (Join join : joins) {
            join.calledNanos = System.nanoTime();
            futures.add(join.room.join(join.token, UserId.of(join.userId), RoomConfig.DEFAULT).whenComplete((v, error) -> {
                join.doneNanos = System.nanoTime();
                join.error = error;
            }));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Counted below, join by join.
        }
        boolean complete = allSeen.await(NOTICE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Map<String, Join> byKey = new HashMap<>();
        for (Join join : joins) {
            byKey.put(join.key(), join);
            if (join.error != null || join.doneNanos == 0) {
                tally.failedJoins++;
                tally.problem(join.key() + " did not join: " + join.error);
            } else {
                tally.joined.add(Clocks.millisSince(join.calledNanos, join.doneNanos));
            }
        }
        for (Seen s : seen) {
            tally.known.add(Clocks.millisSince(byKey.get(s.joiner()).calledNanos, s.nanos()));
        }
        if (!complete) {
            describeMissing(joins, seen, tally);
        }
        CompletableFuture.allOf(joins.stream().map(j -> j.room.destroy()).toArray(CompletableFuture[]::new))
                .get(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Which member never heard of which, and whether its member list shows the other anyway. */
    private static void describeMissing(List<Join> joins, ConcurrentLinkedQueue<Seen> seen, Tally tally) {
        Set<String> heard = new HashSet<>();
        seen.forEach(s -> heard.add(s.observer() + " <- " + s.joiner()));
        for (Join observer : joins) {
            for (Join joiner : joins) {
                if (observer == joiner || !observer.roomId.equals(joiner.roomId)
                        || heard.contains(observer.key() + " <- " + joiner.key())) {
                    continue;
                }
                tally.missingNotices++;
                boolean listed = observer.room.members().stream().anyMatch(m -> m.userId().value().equals(joiner.userId));
                tally.problem(String.format(Locale.ROOT,
                        "%s never got onUserJoined(%s), its members() %s it (calls %.1f ms apart, join futures %.1f ms apart)",
                        observer.key(), joiner.userId, listed ? "lists" : "lacks",
                        Clocks.millisSince(observer.calledNanos, joiner.calledNanos),
                        Clocks.millisSince(observer.doneNanos, joiner.doneNanos)));
            }
        }
    }
}
