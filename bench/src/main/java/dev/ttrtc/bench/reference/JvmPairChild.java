package dev.ttrtc.bench.reference;

import dev.ttrtc.bench.Clocks;
import dev.ttrtc.bench.ProcessMetrics;
import dev.ttrtc.bench.Projects;
import dev.ttrtc.bench.Tokens;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link ReferencePairsBench} for the pairs this host runs: two Java participants
 * ({@code java}) or two sample-miniapp instances ({@code miniprogram}), joining a room of the
 * parent's room server. Per run: A joins, then B; both capture audio and 320x240@15 video before
 * joining. Times are wall-clock microseconds (the mini-program's join call is an event-log entry,
 * stamped with the system clock). One JSON line per run ({@link PairRun}), the first a warm-up.
 *
 * <p>Polled every 10 ms: {@link RemoteMedia#connectedNanos()} (the receiving peer connection reached
 * "connected") and {@link RemoteMedia#stats()} for the first RTP packet, the first audio packet and
 * the first decoded frame.
 *
 * <p>Arguments: kind, the room server's signalling URI, measured runs, settle seconds, window seconds.
 */
public final class JvmPairChild {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration FIRST_MEDIA_TIMEOUT = Duration.ofSeconds(15);
    private static final String A = "a";
    private static final String B = "b";

    private JvmPairChild() {
    }

    /** Two participants of one kind in one room. */
    private interface Pair extends AutoCloseable {
        /** A joins; returns once it is in the room. */
        void joinFirst() throws Exception;

        /** B joins; returns its join call and join completion, wall-clock microseconds. */
        long[] joinSecond() throws Exception;

        /** What {@code receiver} receives from {@code sender}, once a link exists. */
        Optional<RemoteMedia> media(String receiver, String sender);

        /** The pair's processes: this JVM. */
        default long pid() {
            return ProcessHandle.current().pid();
        }
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        URI server = URI.create(args[1]);
        int runs = Integer.parseInt(args[2]);
        long settleMillis = Long.parseLong(args[3]) * 1000;
        long windowMillis = Long.parseLong(args[4]) * 1000;
        MiniProgramHost host = kind.equals("miniprogram") ? MiniProgramHost.create() : null;
        for (int run = -1; run < runs; run++) {
            String roomId = "ref-" + kind + "-" + (run + 1);
            try (Pair pair = host != null ? new MiniProgramPair(host, server, roomId) : new JavaPair(server, roomId)) {
                PairRun result = measure(pair, run < 0, settleMillis, windowMillis);
                var json = result.json();
                json.put("kind", kind);
                json.put("run", run);
                System.out.println(json);
                System.out.flush();
            }
        }
        // halt, not exit: the numbers are out, and closing native media objects is not part of them.
        Runtime.getRuntime().halt(0);
    }

    private static PairRun measure(Pair pair, boolean warmup, long settleMillis, long windowMillis) throws Exception {
        pair.joinFirst();
        long[] join = pair.joinSecond();
        long called = join[0];
        // [link][first packet, first audio, first video, connected], wall-clock micros or 0.
        String[][] links = {{A, B}, {B, A}};
        long[][] firsts = new long[2][4];
        long deadline = System.nanoTime() + FIRST_MEDIA_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !all(firsts)) {
            for (int i = 0; i < 2; i++) {
                Optional<RemoteMedia> media = pair.media(links[i][1], links[i][0]);
                if (media.isEmpty()) {
                    continue;
                }
                RemoteMediaStats s = media.get().stats().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                long now = Clocks.epochMicros();
                stamp(firsts[i], 0, s.audio().packetsReceived() + s.camera().packetsReceived() > 0, now);
                stamp(firsts[i], 1, s.audio().packetsReceived() > 0, now);
                stamp(firsts[i], 2, s.camera().framesDecoded() > 0, now);
                if (firsts[i][3] == 0) {
                    // The link's own moment, not this poll's: on the wall clock like the others.
                    firsts[i][3] = media.get().connectedNanos()
                            .map(at -> now - (System.nanoTime() - at) / 1000).orElse(0L);
                }
            }
            Thread.sleep(10);
        }

        Thread.sleep(settleMillis);
        RemoteMediaStats[] before = stats(pair, links);
        long cpuBefore = ProcessMetrics.cpuNanos(pair.pid());
        long wallBefore = System.nanoTime();
        Thread.sleep(windowMillis);
        long cpuAfter = ProcessMetrics.cpuNanos(pair.pid());
        long wallAfter = System.nanoTime();
        RemoteMediaStats[] after = stats(pair, links);
        double seconds = (wallAfter - wallBefore) / 1e9;

        List<PairRun.Link> result = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            double fps = 0;
            double audio = 0;
            String size = "none";
            if (before[i] != null && after[i] != null) {
                fps = (after[i].camera().framesDecoded() - before[i].camera().framesDecoded()) / seconds;
                audio = (after[i].audio().packetsReceived() - before[i].audio().packetsReceived()) / seconds;
                size = after[i].camera().width() + "x" + after[i].camera().height();
            }
            result.add(new PairRun.Link(links[i][0] + ">" + links[i][1], millis(called, firsts[i][3]), millis(called, firsts[i][0]),
                    millis(called, firsts[i][1]), millis(called, firsts[i][2]), fps, audio, size));
        }
        return new PairRun(warmup, Clocks.millisBetweenMicros(called, join[1]), result,
                (cpuAfter - cpuBefore) / 1e9 / seconds * 100, ProcessMetrics.mb(ProcessMetrics.pssBytes(pair.pid())), 1);
    }

    private static RemoteMediaStats[] stats(Pair pair, String[][] links) throws Exception {
        RemoteMediaStats[] out = new RemoteMediaStats[links.length];
        for (int i = 0; i < links.length; i++) {
            Optional<RemoteMedia> media = pair.media(links[i][1], links[i][0]);
            out[i] = media.isEmpty() ? null : media.get().stats().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        return out;
    }

    private static void stamp(long[] firsts, int index, boolean happened, long now) {
        if (happened && firsts[index] == 0) {
            firsts[index] = now;
        }
    }

    private static boolean all(long[][] firsts) {
        for (long[] link : firsts) {
            for (long t : link) {
                if (t == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Double millis(long fromMicros, long toMicros) {
        return toMicros == 0 ? null : Clocks.millisBetweenMicros(fromMicros, toMicros);
    }

    /** Two Java participants ({@link RemoteParticipant}, MediaConfig.DEFAULT: speech and the test pattern). */
    private static final class JavaPair implements Pair {
        private final RemoteParticipant a;
        private final RemoteParticipant b;

        JavaPair(URI server, String roomId) {
            a = participant(server, roomId, A);
            b = participant(server, roomId, B);
        }

        private static RemoteParticipant participant(URI server, String roomId, String userId) {
            RemoteParticipant p = new RemoteParticipant(
                    EngineConfig.of(server, AppId.of(DevelopmentApp.APP_ID), "ref-" + userId).withMedia(MediaConfig.DEFAULT),
                    roomId, userId, Tokens.of(roomId, userId), RoomConfig.DEFAULT);
            p.engine().setVideoEncoderConfig(VideoEncoderConfig.DEFAULT);
            p.startCapture(MediaKind.AUDIO);
            p.startCapture(MediaKind.VIDEO);
            return p;
        }

        @Override
        public void joinFirst() throws Exception {
            a.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public long[] joinSecond() throws Exception {
            long called = Clocks.epochMicros();
            b.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new long[] {called, Clocks.epochMicros()};
        }

        @Override
        public Optional<RemoteMedia> media(String receiver, String sender) {
            return (receiver.equals(A) ? a : b).remoteMedia(sender);
        }

        @Override
        public void close() throws Exception {
            b.leave().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            a.leave().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            b.close();
            a.close();
        }
    }

    /**
     * Two sample-miniapp instances opened with roomId/userId/token in their query: the lobby
     * opens the room page, which starts audio and video capture and then calls joinRtcRoom.
     */
    private static final class MiniProgramPair implements Pair {
        private static final String JOIN_API = "RtcRoomContext.joinRtcRoom";
        private final MiniProgramHost host;
        private final URI server;
        private final String roomId;
        private MiniProgram a;
        private MiniProgram b;

        MiniProgramPair(MiniProgramHost host, URI server, String roomId) {
            this.host = host;
            this.server = server;
            this.roomId = roomId;
        }

        private MiniProgram launch(String userId) throws Exception {
            return host.launch(LaunchOptions.builder(Projects.sample())
                    .query("roomId", roomId).query("userId", userId).query("token", Tokens.of(roomId, userId))
                    .extension(RtcSettings.class, RtcSettings.of(server))
                    .build());
        }

        /** The join's API-call and API-result entries; fails when the join failed. */
        private static HostEvent[] join(MiniProgram program) throws Exception {
            HostEvent call = program.events().waitFor(e -> e.kind() == HostEvent.Kind.API_CALL && e.name().equals(JOIN_API), TIMEOUT);
            HostEvent result = program.events().waitFor(e -> e.kind() == HostEvent.Kind.API_RESULT && e.name().equals(JOIN_API), TIMEOUT);
            String errMsg = result.data().path("payload").path("errMsg").asText();
            if (!errMsg.endsWith(":ok")) {
                throw new IllegalStateException("the mini-program's join failed: " + errMsg);
            }
            return new HostEvent[] {call, result};
        }

        @Override
        public void joinFirst() throws Exception {
            a = launch(A);
            join(a);
        }

        @Override
        public long[] joinSecond() throws Exception {
            b = launch(B);
            HostEvent[] entries = join(b);
            return new long[] {Clocks.micros(entries[0].time()), Clocks.micros(entries[1].time())};
        }

        @Override
        public Optional<RemoteMedia> media(String receiver, String sender) {
            MiniProgram program = receiver.equals(A) ? a : b;
            RtcRoom room = program == null ? null : MiniProgramRtc.of(program).currentRoom();
            return room == null ? Optional.empty() : room.remoteMedia(UserId.of(sender));
        }

        @Override
        public void close() {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        }
    }
}
