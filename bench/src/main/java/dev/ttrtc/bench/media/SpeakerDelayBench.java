package dev.ttrtc.bench.media;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Speech onset to the JS speaker list: a mini-program (a generated listener that joins and shows
 * the lists) in a room with one Java participant talking in a pattern (speech for 600 ms, silence
 * for 600 ms). For each onset, the delay to the {@code onRtcChatSpeakersChanged} entry in the
 * instance's event log whose userIdList gains the talker.
 *
 * <p>Onsets: the talk pattern starts on the first 10 ms audio frame after {@code talk()} (the
 * audio thread's tick) and repeats every cycle, counted in frames on a fixed-rate schedule, so
 * onset k is {@code talk() + k × cycle}, late by at most 10 ms. The speech recording resumes where
 * it paused, so a talk phase may begin between two words; the talker's own speech detector
 * (its {@code onUserSpeakingChanged} for itself) shows when speech was actually detected, and the
 * table splits the delay there. The entry's time is taken by an event-log subscriber on
 * {@link System#nanoTime()} as the entry is recorded (same thread, same moment).
 */
public final class SpeakerDelayBench implements Benchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TALKER = "talker";
    private static final String LISTENER = "listener";

    /** An entry of the speaker list: when it was recorded and whether the talker was in it. */
    private record ListEntry(long nanos, boolean talkerSpeaking) {
    }

    @Override
    public String id() {
        return "media.speakers";
    }

    @Override
    public List<Flags.Spec> flags() {
        return List.of(
                Flags.Spec.of("onsets", 50, 5, "speech onsets measured (one per talk cycle, after one warm-up cycle)"),
                Flags.Spec.of("talk-ms", 600, 600, "speech per cycle"),
                Flags.Spec.of("pause-ms", 600, 600, "silence per cycle"));
    }

    @Override
    public void run(Flags flags, Report report) throws Exception {
        int onsets = flags.integer("onsets");
        Duration talk = Duration.ofMillis(flags.integer("talk-ms"));
        Duration pause = Duration.ofMillis(flags.integer("pause-ms"));
        long cycle = talk.plus(pause).toNanos();
        String roomId = "speakers";
        ConcurrentLinkedQueue<Long> detected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<ListEntry> lists = new ConcurrentLinkedQueue<>();
        long talkStarted;
        try (RoomServer server = RoomServer.builder().port(0).build().start();
                MiniProgramHost host = MiniProgramHost.create();
                RemoteParticipant talker = new RemoteParticipant(
                        EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), TALKER).withMedia(MediaConfig.DEFAULT),
                        roomId, TALKER, Tokens.of(roomId, TALKER), RoomConfig.DEFAULT)) {
            talker.onEvent(e -> {
                if (e.name().equals("speakingStarted") && e.userId().equals(TALKER)) {
                    detected.add(System.nanoTime());
                }
            });
            talker.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            MiniProgram program = host.launch(LaunchOptions.builder(Projects.listener())
                    .query("roomId", roomId).query("userId", LISTENER).query("token", Tokens.of(roomId, LISTENER))
                    .extension(RtcSettings.class, RtcSettings.of(server.signalUri()))
                    .build());
            program.events().subscribe(e -> {
                if (e.kind() == HostEvent.Kind.EVENT && e.name().equals("onRtcChatSpeakersChanged")) {
                    lists.add(new ListEntry(System.nanoTime(), contains(e.data().path("payload").path("userIdList"), TALKER)));
                }
            });
            try {
                program.events().waitFor(e -> e.kind() == HostEvent.Kind.EVENT && e.name().equals("onRtcChatMembersChanged")
                        && contains(e.data().path("payload").path("userIdList"), TALKER)
                        && contains(e.data().path("payload").path("userIdList"), LISTENER), TIMEOUT);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the listener never saw both members; its log: " + program.events().snapshot());
            }
            report.progress("talking for " + (onsets + 1) + " cycles of " + (cycle / 1_000_000) + " ms");
            talkStarted = System.nanoTime();
            talker.talk(talk, pause);
            Thread.sleep((onsets + 1) * cycle / 1_000_000 + 500);
            talker.silence();
            program.close();
        }

        List<Double> toDetector = new ArrayList<>();
        List<Double> toJs = new ArrayList<>();
        List<Double> detectorToJs = new ArrayList<>();
        int missed = 0;
        List<ListEntry> entries = new ArrayList<>(lists);
        // Cycle 0 is a warm-up: the first publish of the talker's audio happens in it.
        for (int k = 1; k <= onsets; k++) {
            long onset = talkStarted + k * cycle;
            Long js = firstEntering(entries, onset, onset + cycle);
            Long det = firstIn(detected, onset, onset + cycle);
            if (det != null) {
                toDetector.add(Clocks.millisSince(onset, det));
            }
            if (js == null) {
                missed++;
                continue;
            }
            toJs.add(Clocks.millisSince(onset, js));
            if (det != null) {
                detectorToJs.add(Clocks.millisSince(det, js));
            }
        }
        Table table = Table.latency(id(), "Speech onset to onRtcChatSpeakersChanged in JS", "measured")
                .describe("A Java participant (MediaConfig.DEFAULT) talks " + talk.toMillis() + " ms / pauses "
                        + pause.toMillis() + " ms; a mini-program listener (RtcSettings with media) is in the room. "
                        + onsets + " onsets after one warm-up cycle; onset times are exact to ≤10 ms. The speaker detector "
                        + "needs 30 ms above -45 dBov to start. Onsets with no JS event before the next onset: " + missed + ".");
        table.summaryRow(Stats.of(toDetector), "onset → talker's detector (local onUserSpeakingChanged)");
        table.summaryRow(Stats.of(detectorToJs), "detector → JS event (server + engine + loop)");
        table.summaryRow(Stats.of(toJs), "onset → JS event onRtcChatSpeakersChanged");
        report.table(table);
    }

    /** The first time the list went from "talker absent" to "talker present" within [from, to). */
    private static Long firstEntering(List<ListEntry> entries, long from, long to) {
        boolean before = false;
        for (ListEntry e : entries) {
            if (e.talkerSpeaking() && !before && e.nanos() >= from && e.nanos() < to) {
                return e.nanos();
            }
            before = e.talkerSpeaking();
        }
        return null;
    }

    private static Long firstIn(Iterable<Long> times, long from, long to) {
        for (long t : times) {
            if (t >= from && t < to) {
                return t;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode list, String userId) {
        for (JsonNode id : list) {
            if (id.asText().equals(userId)) {
                return true;
            }
        }
        return false;
    }
}
