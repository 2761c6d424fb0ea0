package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A room server in a second JVM (tt-host server), used by an instance and a participant in this one. */
class StandaloneServerTest {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    static String token(String room, String user) {
        return AccessToken.issue(DevelopmentApp.APP_ID, room, user, System.currentTimeMillis() / 1000, 600, true)
                .serialize(DevelopmentApp.APP_KEY);
    }

    @Test
    void an_instance_and_a_participant_meet_through_a_server_in_another_jvm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-Dorg.jboss.logging.provider=slf4j",
                "-cp", System.getProperty("java.class.path"), "dev.ttrtc.tools.cli.Main", "server", "--port", "0")
                .redirectErrorStream(true).start();
        try (MiniProgramHost host = MiniProgramHost.create()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("room server listening on (ws://127\\.0\\.0\\.1:\\d+/signal)").matcher(String.valueOf(first));
            assertTrue(m.find(), "unexpected first line: " + first);
            URI signal = URI.create(m.group(1));

            try (RemoteParticipant bob = new RemoteParticipant(EngineConfig.of(signal, AppId.of(DevelopmentApp.APP_ID), "bob"), "far",
                    "bob", token("far", "bob"), RoomConfig.DEFAULT)) {
                bob.join().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                MiniProgram app = host.launch(LaunchOptions.builder(Path.of("../sample-miniapp"))
                        .query("roomId", "far").query("userId", "me").query("token", token("far", "me"))
                        .extension(RtcSettings.class, RtcSettings.of(signal)).build());
                HostEvent members = app.events().waitFor(e -> e.kind() == HostEvent.Kind.EVENT
                        && e.name().equals("onRtcChatMembersChanged")
                        && e.data().path("payload").path("userIdList").size() == 2, TIMEOUT);
                assertEquals("[\"bob\",\"me\"]", members.data().path("payload").path("userIdList").toString());

                server.destroy();
                assertTrue(server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                HostEvent reconnecting = app.events().waitFor(e -> e.kind() == HostEvent.Kind.EVENT
                        && e.name().equals("onRtcStateChanged") && e.data().path("payload").path("errNo").asInt() == 21134, TIMEOUT);
                assertEquals("reconnecting to the room server", reconnecting.data().path("payload").path("errMsg").asText());
                assertEquals(List.of(), app.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR));
                app.close();
            }
        } finally {
            server.destroyForcibly();
        }
    }
}
