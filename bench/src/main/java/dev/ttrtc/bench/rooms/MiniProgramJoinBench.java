package dev.ttrtc.bench.rooms;

import dev.ttrtc.bench.Benchmark;
import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.Flags;
import dev.ttrtc.bench.Projects;
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
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Join latency of a mini-program member: one room where three Java members (signalling only) are
 * in, then sample-miniapp is launched with roomId, userId and token in its query and joins by
 * itself through JS. Its join is measured from the API-call entry of
 * {@code RtcRoomContext.joinRtcRoom} in its event log to the API-result entry, and to each Java
 * member's {@code onUserJoined}. Before it, in the same room, a Java fourth member joins the same
 * way as the reference.
 *
 * <p>Both ends use wall-clock times here, because the event log stamps its entries with the
 * system clock: the Java members record {@code Instant.now()} in their handlers.
 */
public final class MiniProgramJoinBench implements Benchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long after a join the others' onUserJoined may take before it counts as missing. */
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(5);
    private static final String JOIN_API = "RtcRoomContext.joinRtcRoom";
    private static final int JAVA_MEMBERS = 3;

    @Override
    public String id() {
        return "rooms.miniprogram";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(Flags.Spec.of("mp-runs", 30, 2, "mini-program joins measured (each in a fresh room)"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int runs = flags.integer("mp-runs");
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        for (String row : List.of("Java 4th member: call → joined", "Java 4th member: call → others know",
                "mini-program: joinRtcRoom call → result", "mini-program: joinRtcRoom call → others know",
                "mini-program: launch() → joinRtcRoom call")) {
            rows.put(row, new ArrayList<>());
        }
        // onUserJoined that never came: for the Java 4th member, for the mini-program.
        int[] missing = new int[2];
        try (RoomServer server = RoomServer.builder().port(0).build().start();
                MiniProgramHost host = MiniProgramHost.create()) {
            List<RtcEngine> javaMembers = new ArrayList<>();
            for (int i = 0; i <= JAVA_MEMBERS; i++) {
                javaMembers.add(RtcEngine.create(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "mpj" + i)
                        .withMedia(MediaConfig.SIGNALLING_ONLY)));
            }
            try {
                for (int run = -1; run < runs; run++) {
                    report.progress("mini-program join " + (run + 2) + "/" + (runs + 1) + (run < 0 ? " (warm-up)" : ""));
                    measureRun(server.signalUri(), host, javaMembers, "mp" + run, run < 0 ? null : rows, missing);
                }
            } finally {
                javaMembers.forEach(RtcEngine::close);
            }
        }
        Table table = Table.latency(id(), "Join latency, mini-program member (sample-miniapp joining through JS)", "measured")
                .describe("One room with " + JAVA_MEMBERS + " Java members (signalling only). First a Java 4th member joins "
                        + "and leaves (reference), then sample-miniapp is launched with roomId/userId/token in its query "
                        + "(RtcSettings signalling only) and joins by itself. Both 4th members turn audio and video capture on "
                        + "before joining, so both joins include the autoPublish update. Times are wall clock, as the event "
                        + "log's entries are. " + runs + " runs, one warm-up first.");
        rows.forEach((label, samples) -> table.summaryRow(Stats.of(samples), label));
        report.table(table);
        if (missing[0] + missing[1] > 0) {
            report.text("onUserJoined never received (" + NOTICE_TIMEOUT.toSeconds() + " s): " + missing[0]
                    + " for the Java 4th member, " + missing[1] + " for the mini-program.");
        }
    }

    private static void measureRun(URI server, MiniProgramHost host, List<RtcEngine> engines, String roomId,
            Map<String, List<Double>> rows, int[] missing) throws Exception {
        ConcurrentLinkedQueue<Long> seenJava = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> seenProgram = new ConcurrentLinkedQueue<>();
        CountDownLatch javaSeen = new CountDownLatch(JAVA_MEMBERS);
        CountDownLatch programSeen = new CountDownLatch(JAVA_MEMBERS);
        List<RtcRoom> rooms = new ArrayList<>();
        for (int i = 0; i < JAVA_MEMBERS; i++) {
            RtcRoom room = engines.get(i).createRoom(RoomId.of(roomId));
            room.setRoomEventHandler(new RoomEventHandler() {
                @Override
                public void onUserJoined(UserId userId) {
                    long now = Clocks.epochMicros();
                    if (userId.value().equals("java4")) {
                        seenJava.add(now);
                        javaSeen.countDown();
                    } else if (userId.value().equals("program")) {
                        seenProgram.add(now);
                        programSeen.countDown();
                    }
                }
            });
            room.join(Tokens.of(roomId, "m" + i), UserId.of("m" + i), RoomConfig.DEFAULT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            rooms.add(room);
        }

        // The Java reference: capture on first, as the sample does, so autoPublish sends an update too.
        RtcEngine fourth = engines.get(JAVA_MEMBERS);
        fourth.startAudioCapture();
        fourth.startVideoCapture();
        RtcRoom fourthRoom = fourth.createRoom(RoomId.of(roomId));
        String token = Tokens.of(roomId, "java4");
        long called = Clocks.epochMicros();
        fourthRoom.join(token, UserId.of("java4"), RoomConfig.DEFAULT).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long joined = Clocks.epochMicros();
        javaSeen.await(NOTICE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        fourthRoom.destroy().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        LaunchOptions options = LaunchOptions.builder(Projects.sample())
                .query("roomId", roomId).query("userId", "program").query("token", Tokens.of(roomId, "program"))
                .extension(RtcSettings.class, RtcSettings.of(server).withMedia(MediaConfig.SIGNALLING_ONLY))
                .build();
        long launchCalled = Clocks.epochMicros();
        MiniProgram program = host.launch(options);
        try {
            HostEvent call = program.events().waitFor(e -> e.kind() == HostEvent.Kind.API_CALL && e.name().equals(JOIN_API), TIMEOUT);
            HostEvent result = program.events().waitFor(e -> e.kind() == HostEvent.Kind.API_RESULT && e.name().equals(JOIN_API), TIMEOUT);
            String errMsg = result.data().path("payload").path("errMsg").asText();
            if (!errMsg.endsWith(":ok")) {
                throw new IllegalStateException("the mini-program's join failed: " + errMsg);
            }
            programSeen.await(NOTICE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (rows != null) {
                missing[0] += (int) javaSeen.getCount();
                missing[1] += (int) programSeen.getCount();
                long callMicros = Clocks.micros(call.time());
                rows.get("Java 4th member: call → joined").add(Clocks.millisBetweenMicros(called, joined));
                seenJava.forEach(t -> rows.get("Java 4th member: call → others know").add(Clocks.millisBetweenMicros(called, t)));
                rows.get("mini-program: joinRtcRoom call → result").add(Clocks.millisBetweenMicros(callMicros, Clocks.micros(result.time())));
                seenProgram.forEach(t -> rows.get("mini-program: joinRtcRoom call → others know")
                        .add(Clocks.millisBetweenMicros(callMicros, t)));
                rows.get("mini-program: launch() → joinRtcRoom call").add(Clocks.millisBetweenMicros(launchCalled, callMicros));
            }
        } finally {
            program.close();
            fourth.stopAudioCapture();
            fourth.stopVideoCapture();
            CompletableFuture.allOf(rooms.stream().map(RtcRoom::destroy).toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

}
