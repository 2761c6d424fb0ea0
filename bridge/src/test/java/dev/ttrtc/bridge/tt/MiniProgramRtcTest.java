package dev.ttrtc.bridge.tt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RTC state of an instance belongs to that instance, whatever its id. */
class MiniProgramRtcTest {

    @Test
    void two_hosts_each_with_an_mp_1_keep_their_engines_apart(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(project.resolve("app.js"), "App({});");
        Files.createDirectories(project.resolve("pages/index"));
        Files.writeString(project.resolve("pages/index/index.js"), "Page({ onLoad() { this.rtc = tt.createRtcRoomContext({appId: '"
                + DevelopmentApp.APP_ID + "'}); } });");
        // A busy machine must not turn a cold launch into an overrun: this test is not about the watchdog.
        HostOptions patient = HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60));
        try (MiniProgramHost first = MiniProgramHost.create(patient); MiniProgramHost second = MiniProgramHost.create(patient)) {
            MiniProgram a = first.launch(LaunchOptions.builder(project).build());
            MiniProgram b = second.launch(LaunchOptions.builder(project).build());
            assertEquals(a.id(), b.id());
            assertEquals(1, MiniProgramRtc.of(a).engines().size());
            assertEquals(1, MiniProgramRtc.of(b).engines().size());
            assertNotSame(MiniProgramRtc.of(a).engines().get(0).engine(), MiniProgramRtc.of(b).engines().get(0).engine());

            a.close();
            assertTrue(MiniProgramRtc.of(a).engines().isEmpty());
            assertEquals(1, MiniProgramRtc.of(b).engines().size());
        }
    }
}
