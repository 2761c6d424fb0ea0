package dev.ttrtc.reliability.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.Eventually;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A room server that can be restarted on its port, Java participants and mini-program instances,
 * all closed at the end of a test; and waits with deadlines.
 */
final class FaultKit implements AutoCloseable {
    static final String APP_ID = DevelopmentApp.APP_ID;
    /** Generous: a deadline is what a broken host would miss, not a performance bar. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final Path RTC_APP = findFixture();

    private RoomServer server;
    private final int port;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private MiniProgramHost host;

    FaultKit() {
        server = RoomServer.builder().port(0).build().start();
        port = server.port();
    }

    private static Path findFixture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path fixture = dir.resolve("conformance/fixtures/rtc-app");
            if (Files.isDirectory(fixture)) {
                return fixture;
            }
        }
        throw new IllegalStateException("conformance/fixtures/rtc-app not found above " + Path.of("").toAbsolutePath());
    }

    RoomServer server() {
        return server;
    }

    URI signalUri() {
        return server.signalUri();
    }

    /** Stops the server (clients are told) and starts a new one on the same port. */
    void restartServer() {
        server.close();
        server = RoomServer.builder().port(port).build().start();
    }

    static String token(String room, String user, long lifetimeSeconds) {
        return AccessToken.issue(APP_ID, room, user, System.currentTimeMillis() / 1000, lifetimeSeconds, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    /** A Java participant with media; {@code via} is the signalling address it uses (the server's, or a tap's). */
    RemoteParticipant participant(String room, String user, URI via) {
        RemoteParticipant p = new RemoteParticipant(EngineConfig.of(via, AppId.of(APP_ID), user).withMedia(MediaConfig.DEFAULT), room, user,
                token(room, user, 3600), RoomConfig.DEFAULT);
        closeables.add(p);
        return p;
    }

    RemoteParticipant participant(String room, String user) {
        return participant(room, user, signalUri());
    }

    /** Capture audio and video (published on join, autoPublish) and join. */
    static RemoteParticipant joinPublishing(RemoteParticipant p) throws Exception {
        p.startCapture(MediaKind.AUDIO);
        p.startCapture(MediaKind.VIDEO);
        p.join().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        return p;
    }

    /** The conformance fixture mini-program, with a room context and recording listeners for {@code events}. */
    MiniProgram launchRtcApp(URI signal, String... events) throws Exception {
        if (host == null) {
            host = MiniProgramHost.create();
        }
        MiniProgram app = host.launch(LaunchOptions.builder(RTC_APP).extension(RtcSettings.class, RtcSettings.of(signal)).build());
        closeables.add(app);
        eval(app, "rtc.create('" + APP_ID + "')");
        for (String event : events) {
            eval(app, "rtc.listen('" + event + "')");
        }
        return app;
    }

    static JsonNode eval(MiniProgram app, String js) throws Exception {
        return app.evaluate(js).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Calls ctx[method](params) in the instance; the outcome {ok, res}. */
    static JsonNode call(MiniProgram app, String method, String paramsJson) throws Exception {
        return eval(app, "rtc.call(rtc.ctx, '" + method + "', " + paramsJson + ")");
    }

    /** The latest userIdList the instance's recording listener of {@code event} received, sorted. */
    static List<String> latestList(MiniProgram app, String event) throws Exception {
        JsonNode lists = eval(app, "rtc.lists('" + event + "')");
        List<String> latest = new ArrayList<>();
        if (lists.size() > 0) {
            lists.get(lists.size() - 1).forEach(id -> latest.add(id.asText()));
        }
        latest.sort(null);
        return latest;
    }

    /** The first event of this name after {@code afterSeq} whose payload passes the check. */
    static HostEvent awaitEvent(MiniProgram app, long afterSeq, String name, Predicate<JsonNode> payload) throws Exception {
        return app.events().waitForAfter(afterSeq,
                e -> e.kind() == HostEvent.Kind.EVENT && e.name().equals(name) && payload.test(e.data().path("payload")), DEADLINE);
    }

    /** What the instance's current room receives from a member. */
    static Optional<RemoteMedia> remoteMediaOf(MiniProgram app, String from) {
        RtcRoom room = MiniProgramRtc.of(app).currentRoom();
        return room == null ? Optional.empty() : room.remoteMedia(UserId.of(from));
    }

    /** Stats of what {@code media} receives, or null when there is none yet. */
    static RemoteMediaStats stats(Optional<RemoteMedia> media) {
        try {
            return media.isPresent() ? media.get().stats().get(5, TimeUnit.SECONDS) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Camera frames decoded from that member so far (-1 without a media link). */
    static long frames(Optional<RemoteMedia> media) {
        RemoteMediaStats s = stats(media);
        return s == null ? -1 : s.camera().framesDecoded();
    }

    static long audioPackets(Optional<RemoteMedia> media) {
        RemoteMediaStats s = stats(media);
        return s == null ? -1 : s.audio().packetsReceived();
    }

    static List<String> members(RoomServer server, String room) {
        return server.room(APP_ID, room).map(r -> r.members().stream().map(RoomSnapshot.Member::userId).sorted().toList())
                .orElse(List.of());
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code deadline}. */
    static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, deadline, condition);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Eventually.await(what, DEADLINE, condition);
    }

    /**
     * Waits until a media counter has risen by {@code by} from where it is now, counting a reset
     * (a new connection's counters start at 0) as a rise from 0; -1 means no link.
     */
    static void awaitRise(String what, LongSupplier counter, long by) throws InterruptedException {
        awaitRise(what, DEADLINE, counter, by);
    }

    static void awaitRise(String what, Duration deadline, LongSupplier counter, long by) throws InterruptedException {
        long[] last = {counter.getAsLong()};
        long[] risen = {0};
        await(what + " (+" + by + " from " + last[0] + ")", deadline, () -> {
            long now = counter.getAsLong();
            if (now >= 0) {
                risen[0] += now >= last[0] ? now - Math.max(0, last[0]) : now;
            }
            last[0] = now;
            return risen[0] >= by;
        });
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (host != null) {
            host.close();
        }
        server.close();
    }
}
