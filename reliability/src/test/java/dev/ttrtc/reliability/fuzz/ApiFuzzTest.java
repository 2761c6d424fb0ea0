package dev.ttrtc.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.testkit.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the API: a generated corpus of calls with wrong types, missing fields, huge
 * strings, odd unicode, null, undefined, NaN, functions, symbols, throwing getters, Proxies and
 * frozen objects, across every method of the room context, {@code tt.createRtcRoomContext}, and
 * every method of the mini-game engine. The corpus is generated, run and judged inside the
 * fixture mini-program ({@code fixtures/fuzz-app}, see {@code lib/fuzz.js} for what is judged);
 * this test drives it in batches through the public embedding API, then checks that the host
 * still works: the same instance joins a room that a Java participant sees, a bystander
 * instance and the room server are unaffected.
 *
 * <p>The main corpus runs in signalling-only mode ({@link MediaConfig#SIGNALLING_ONLY}): rooms,
 * members and publish state are real, but no audio or video flows, so thousands of capture and
 * publish calls stay cheap on a 2-core machine. A smaller corpus of capture, publish, subscribe
 * and encoder calls then runs on an instance with real media, in a room with a Java participant
 * that must still receive its audio and video afterwards.
 */
class ApiFuzzTest {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();
    static final int CALLS = Integer.getInteger("fuzz.calls", 12_000);
    static final int MEDIA_CALLS = Integer.getInteger("fuzz.mediaCalls", 800);
    static final int BATCH = 500;
    /** How many violations a failure message shows (each batch reports at most 40). */
    static final int SHOWN = 60;
    /** Calls settle within 5 s each; a batch normally takes a few seconds. */
    static final Duration BATCH_TIMEOUT = Duration.ofSeconds(Long.getLong("fuzz.batchTimeoutSeconds", 120));
    static final long SEED = Long.getLong("fuzz.seed", 0x7f4a_11L);
    static final Path FIXTURE = Path.of("fixtures", "fuzz-app");
    static final String APP_ID = DevelopmentApp.APP_ID;

    private RoomServer server;
    private MiniProgramHost host;
    private final List<RemoteParticipant> participants = new ArrayList<>();
    /** ERROR entries of the host's own making (cause "internal"), from every instance. */
    private final List<String> internalErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = RoomServer.builder().port(0).build().start();
        // A small event log per instance: the corpus passes megabyte strings, and the log keeps
        // each call's parameters and answer. A generous task budget: this machine may be busy
        // with other tests, and runaway code is not what this test is about (a hung call is
        // caught by its deadline, a hung batch by BATCH_TIMEOUT).
        host = MiniProgramHost.create(HostOptions.defaults().withEventLogCapacity(2_000).withTaskBudget(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        participants.forEach(RemoteParticipant::close);
        host.close();
        server.close();
    }

    static String token(String appId, String appKey, String room, String user, long issuedAgo, long lifetime, boolean publish) {
        long now = System.currentTimeMillis() / 1000;
        return AccessToken.issue(appId, room, user, now - issuedAgo, lifetime, publish).serialize(appKey);
    }

    static String token(String room, String user) {
        return token(APP_ID, DevelopmentApp.APP_KEY, room, user, 0, 3600, true);
    }

    private RemoteParticipant participant(String room, String user, MediaConfig media) throws Exception {
        RemoteParticipant p = new RemoteParticipant(EngineConfig.of(server.signalUri(), AppId.of(APP_ID), user).withMedia(media),
                room, user, token(room, user), RoomConfig.DEFAULT);
        participants.add(p);
        p.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return p;
    }

    private MiniProgram launch(String name, MediaConfig media) throws Exception {
        MiniProgram app = host.launch(LaunchOptions.builder(FIXTURE).name(name)
                .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(media)).build());
        app.events().subscribe(e -> {
            if (e.kind() == HostEvent.Kind.ERROR && !e.data().path("cause").asText().equals("uncaught")) {
                internalErrors.add(app.id() + ": " + clip(e.text()));
            }
        });
        return app;
    }

    static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…(" + text.length() + " chars)" : text;
    }

    JsonNode call(MiniProgram app, String method, Map<String, ?> dataset, Duration timeout) throws Exception {
        try {
            return app.callPageMethod(method, PageEvent.tap(JSON.valueToTree(dataset))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(app.id() + "." + method + " did not finish within " + timeout.toSeconds() + " s; errors: "
                    + internalErrors + "; last log entries:\n  " + app.events().snapshot().stream()
                            .skip(Math.max(0, app.events().snapshot().size() - 15)).map(h -> clip(h.text()))
                            .collect(Collectors.joining("\n  ")), e);
        }
    }

    private ObjectNode tokens() {
        ObjectNode t = JSON.createObjectNode();
        t.put("good", token("fuzzroom", "fuzzme"));
        t.put("nopub", token(APP_ID, DevelopmentApp.APP_KEY, "fuzzroom", "fuzzme", 0, 3600, false));
        t.put("otherRoom", token("elsewhere", "fuzzme"));
        t.put("expired", token(APP_ID, DevelopmentApp.APP_KEY, "fuzzroom", "fuzzme", 7200, 3600, true));
        t.put("wrongKey", token(APP_ID, "not-the-app-key", "fuzzroom", "fuzzme", 0, 3600, true));
        t.put("otherApp", token("0123456789abcdef01234567", DevelopmentApp.APP_KEY, "fuzzroom", "fuzzme", 0, 3600, true));
        t.put("game", token("fuzzgame", "gamer"));
        return t;
    }

    /** Sets the fixture up for one corpus: its own seed, mode (full or media) and tokens. */
    private void setUp(MiniProgram app, String mode, long seed) throws Exception {
        call(app, "setup", Map.of("appId", APP_ID, "seed", seed, "deadlineMs", 5000, "mode", mode, "tokens", tokens()), TIMEOUT);
    }

    /** Runs calls 0..calls-1 in batches, then the final check; returns what the corpus found. */
    private Corpus runBatches(MiniProgram app, String name, int calls) throws Exception {
        long started = System.nanoTime();
        Corpus corpus = new Corpus(name);
        for (int from = 0; from < calls; from += BATCH) {
            int count = Math.min(BATCH, calls - from);
            corpus.add(call(app, "runBatch", Map.of("from", from, "count", count), BATCH_TIMEOUT));
        }
        JsonNode finish = call(app, "finish", Map.of(), TIMEOUT);
        corpus.add(finish);
        corpus.calls = finish.path("calls").asInt();
        corpus.counts = finish.path("counts");
        corpus.seconds = (System.nanoTime() - started) / 1e9;
        return corpus;
    }

    /** What a corpus found: every call that broke the contract, rendered with its parameters and outcome. */
    static final class Corpus {
        final String name;
        int calls;
        int problemCount;
        double seconds;
        final List<String> problems = new ArrayList<>();
        JsonNode counts;

        Corpus(String name) {
            this.name = name;
        }

        void add(JsonNode batch) {
            problemCount += batch.path("problemCount").asInt();
            for (JsonNode p : batch.path("problems")) {
                List<String> what = new ArrayList<>();
                p.path("problems").forEach(n -> what.add(n.asText()));
                problems.add(p.path("call").asText() + "\n      → " + p.path("outcome").asText() + "\n      ✗ " + String.join("\n      ✗ ", what));
            }
        }

        void print() {
            System.out.printf("  %s corpus: %d calls in %.1f s, %d broke the contract%n", name, calls, seconds, problemCount);
            for (String what : List.of("methods", "categories", "wrappers", "callbacks", "outcomes", "violations")) {
                System.out.println("    " + what + ": " + counts.path(what));
            }
        }
    }

    @Test
    void generated_bad_input_to_every_rtc_method_gets_a_documented_answer_and_the_host_keeps_working() throws Exception {
        long started = System.nanoTime();
        RemoteParticipant bob = participant("fuzzroom", "bob", MediaConfig.SIGNALLING_ONLY);
        RemoteParticipant dora = participant("fuzzgame", "dora", MediaConfig.SIGNALLING_ONLY);

        MiniProgram bystander = launch("bystander", MediaConfig.SIGNALLING_ONLY);
        JsonNode joined = call(bystander, "joinAsBystander",
                Map.of("appId", APP_ID, "roomId", "calmroom", "userId", "calm", "token", token("calmroom", "calm")), TIMEOUT);
        assertEquals("joinRtcRoom:ok", joined.path("errMsg").asText(), "the bystander joins: " + joined);

        // The main corpus: every method, signalling only.
        MiniProgram app = launch("fuzz", MediaConfig.SIGNALLING_ONLY);
        setUp(app, "full", SEED);
        Corpus corpus = runBatches(app, "signalling-only", CALLS);

        // Capture, publish, subscribe, camera and encoder calls with real media, in a room with
        // mona, who must still receive the instance's audio and video afterwards.
        MiniProgram media = launch("fuzz-media", MediaConfig.DEFAULT);
        RemoteParticipant mona = participant("mediaroom", "mona", MediaConfig.DEFAULT);
        setUp(media, "media", SEED + 1);
        JsonNode entered = call(media, "enterRoom", Map.of("roomId", "mediaroom", "userId", "mediafuzz",
                "token", token("mediaroom", "mediafuzz")), TIMEOUT);
        assertEquals("joinRtcRoom:ok", entered.path("errMsg").asText(), "the media instance joins: " + entered);
        Corpus mediaCorpus = runBatches(media, "real-media", MEDIA_CALLS);

        long failures = corpus.problemCount + mediaCorpus.problemCount;
        long calls = corpus.calls + mediaCorpus.calls;
        Figures.record("API input", "generated calls across every RTC method (wrong types, missing fields, huge strings,"
                + " odd unicode, null, functions)", calls, failures);
        System.out.printf("API fuzz: %d calls, %d broke the contract%n", calls, failures);
        corpus.print();
        mediaCorpus.print();

        List<String> shown = new ArrayList<>(corpus.problems);
        shown.addAll(mediaCorpus.problems);
        if (failures > 0) {
            fail(failures + " of " + calls + " calls broke the contract; per method: " + corpus.counts.path("violations") + " "
                    + mediaCorpus.counts.path("violations") + "; the first " + Math.min(SHOWN, shown.size()) + ":\n  "
                    + String.join("\n  ", shown.subList(0, Math.min(SHOWN, shown.size()))));
        }
        assertTrue(corpus.calls >= CALLS && mediaCorpus.calls >= MEDIA_CALLS, "every generated call ran");
        assertEquals(List.of(), internalErrors, "errors of the host's own making");

        JsonNode restored = call(media, "restoreMedia", Map.of(), TIMEOUT);
        for (String step : List.of("visible", "audio", "video", "encoder", "publish")) {
            assertTrue(restored.path(step).path("errMsg").asText().endsWith(":ok"), "after the media corpus, " + step + " works: " + restored);
        }
        awaitStats(mona, "mediafuzz", s -> s.audio().packetsReceived() > 50 && s.camera().framesDecoded() > 5);

        // The same instance still works: it joins a fresh room, and a Java participant sees it
        // (its room context and its mini-game engine both).
        RemoteParticipant carol = participant("afterroom", "carol", MediaConfig.SIGNALLING_ONLY);
        JsonNode survived = call(app, "survive", Map.of("roomId", "afterroom", "userId", "survivor",
                "token", token("afterroom", "survivor"), "uid", "survivor-game", "gameToken", token("afterroom", "survivor-game")), TIMEOUT);
        assertEquals("joinRtcRoom:ok", survived.path("join").path("errMsg").asText(), "the fuzzed instance joins: " + survived);
        assertEquals("changeStreamPublishState:ok", survived.path("publish").path("errMsg").asText(), "and publishes: " + survived);
        assertEquals("joinChannel:ok", survived.path("joinChannel").path("errMsg").asText(), "its engine joins: " + survived);
        awaitMembers(carol, m -> m.contains("survivor") && m.contains("survivor-game"));
        awaitMember(carol, "survivor", m -> m.publishes(MediaKind.AUDIO));

        // Others are unaffected: the bystander is still in its room and answers; bob and dora,
        // who watched the fuzzed users come and go hundreds of times, are still connected; the
        // server still lists them.
        JsonNode check = call(bystander, "bystanderCheck", Map.of(), TIMEOUT);
        assertEquals("changeAudioCapture:ok", check.path("capture").path("errMsg").asText(), "the bystander answers: " + check);
        assertEquals(List.of("calm"), members(server.room(APP_ID, "calmroom").orElseThrow()));
        assertTrue(bob.isJoined() && dora.isJoined() && mona.isJoined(), "the Java participants are still in their rooms");
        assertTrue(members(server.room(APP_ID, "fuzzroom").orElseThrow()).contains("bob"));
        assertTrue(members(server.room(APP_ID, "fuzzgame").orElseThrow()).contains("dora"));
        assertEquals(List.of(), internalErrors, "errors of the host's own making");
        System.out.printf("API fuzz with the checks afterwards: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static List<String> members(RoomSnapshot room) {
        return room.members().stream().map(m -> m.userId()).sorted().collect(Collectors.toList());
    }

    static void awaitMembers(RemoteParticipant p, Predicate<List<String>> check) throws InterruptedException {
        Eventually.await(p.userId() + " seeing the expected members", TIMEOUT,
                () -> p.members().stream().map(m -> m.userId().value()).toList(), check);
    }

    static void awaitMember(RemoteParticipant p, String userId, Predicate<RoomMember> check) throws InterruptedException {
        Eventually.await(p.userId() + " seeing " + userId + " as expected", TIMEOUT, p::members,
                members -> members.stream().anyMatch(m -> m.userId().value().equals(userId) && check.test(m)));
    }

    static RemoteMediaStats awaitStats(RemoteParticipant listener, String from, Predicate<RemoteMediaStats> check) throws Exception {
        return Eventually.await(listener.userId() + " receiving media from " + from + " after the corpus", TIMEOUT,
                () -> listener.remoteMedia(from).map(remote -> remote.stats().orTimeout(5, TimeUnit.SECONDS).join()).orElse(null),
                stats -> stats != null && check.test(stats));
    }
}
