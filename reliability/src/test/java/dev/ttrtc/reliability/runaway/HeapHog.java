package dev.ttrtc.reliability.runaway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * HeapGuardTest's child JVM (run with a small heap): a calm instance in a room, and a hog that
 * keeps 8 MB more every 100 ms; with {@code with-busy-neighbour}, also a busy instance that
 * allocates ten times as fast and keeps nothing. Prints one JSON line with what became of each,
 * then exits.
 */
public final class HeapHog {
    private HeapHog() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        try (RoomServer server = RoomServer.builder().port(0).build().start();
             MiniProgramHost host = MiniProgramHost.create()) {
            LaunchOptions options = LaunchOptions.builder(app)
                    .extension(RtcSettings.class, RtcSettings.of(server.signalUri()).withMedia(MediaConfig.SIGNALLING_ONLY)).build();
            try {
                run(host, server, options, report, args.length > 1 && args[1].equals("with-busy-neighbour"));
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // What the instances reported instead (a stop's reason among it), for the test's failure message.
                report.put("failure", String.valueOf(e));
                host.instances().forEach(i -> report.put(i.id(), String.valueOf(i.events().snapshot(
                        ev -> ev.kind() == HostEvent.Kind.ERROR).stream().map(HostEvent::text).limit(5).toList())));
            }
        } catch (Throwable t) {
            report.put("failure", String.valueOf(t));
        }
        System.out.println(report);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void run(MiniProgramHost host, RoomServer server, LaunchOptions options, ObjectNode report,
            boolean withBusyNeighbour) throws Exception {
        MiniProgram calm = host.launch(options);
        calm.callPageMethod("join", new PageEvent("tap", JsonNodeFactory.instance.objectNode().put("roomId", "calm")
                .put("userId", "calm-user").put("token", token("calm-user")), null)).get(30, TimeUnit.SECONDS);
        MiniProgram busy = null;
        if (withBusyNeighbour) {
            busy = host.launch(options);
            busy.callPageMethod("churn", PageEvent.tap()).get(30, TimeUnit.SECONDS);
        }
        MiniProgram hog = host.launch(options);
        hog.callPageMethod("retain", PageEvent.tap()).get(30, TimeUnit.SECONDS);
        HostEvent stopped = hog.events().waitFor(e -> e.kind() == HostEvent.Kind.ERROR && e.name().equals("stopped"),
                Duration.ofSeconds(90));
        report.put("stopped", stopped.text());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!hog.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        report.put("hogClosed", hog.isClosed());
        if (busy != null) {
            report.put("busyAnswers", busy.isClosed() ? "closed" : busy.evaluate("'pong'").get(30, TimeUnit.SECONDS).asText());
        }
        report.put("calmAnswers", calm.evaluate("'pong'").get(30, TimeUnit.SECONDS).asText());
        try (RemoteParticipant visitor = new RemoteParticipant(EngineConfig.of(server.signalUri(), AppId.of(DevelopmentApp.APP_ID), "visitor")
                .withMedia(MediaConfig.SIGNALLING_ONLY), "calm", "visitor", token("visitor"), RoomConfig.DEFAULT)) {
            visitor.join().get(30, TimeUnit.SECONDS);
            report.put("roomMembers", server.room(DevelopmentApp.APP_ID, "calm").orElseThrow().members().size());
        }
    }

    private static String token(String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, "calm", user, System.currentTimeMillis() / 1000, 600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }
}
