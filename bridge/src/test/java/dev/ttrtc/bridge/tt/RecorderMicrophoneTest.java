package dev.ttrtc.bridge.tt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.Eventually;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tt.getRecorderManager records what the instance's RTC capture sends: here a -20 dBFS tone
 * (RMS 32767 * 0.1 / sqrt 2, about 2317), checked in the frames and in the file.
 */
class RecorderMicrophoneTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TONE_RMS = 32767 * 0.1 / Math.sqrt(2);
    private static MiniProgramHost host;

    @TempDir
    Path project;

    @BeforeAll
    static void startHost() {
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    /** A page that keeps each frame's RMS and channel agreement, and reads the file when stopped. */
    private static final String PAGE = "function rms(samples) {\n"
            + "  let sum = 0; for (const s of samples) sum += s * s; return Math.sqrt(sum / samples.length);\n"
            + "}\n"
            + "Page({\n"
            + "  onLoad() {\n"
            + "    const rec = this.rec = tt.getRecorderManager();\n"
            + "    this.frames = [];\n"
            + "    rec.onFrameRecorded((res) => {\n"
            + "      const s = new Int16Array(res.frameBuffer);\n"
            + "      this.frames.push({last: res.isLastFrame, rms: rms(s), stereoAlike: s.every((v, i) => i % 2 == 1 || v === s[i + 1])});\n"
            + "    });\n"
            + "    rec.onStop((res) => tt.getFileSystemManager().readFile({filePath: res.tempFilePath, success: (file) => {\n"
            + "      const v = new DataView(file.data);\n"
            + "      this.file = {channels: v.getUint16(22, true), sampleRate: v.getUint32(24, true),\n"
            + "        dataBytes: v.getUint32(40, true), length: file.data.byteLength, rms: rms(new Int16Array(file.data.slice(44)))};\n"
            + "    }}));\n"
            + "    rec.onError((res) => console.log('Error ' + res.errMsg));\n"
            + "  }\n"
            + "});\n";

    private MiniProgram launch() throws Exception {
        Files.writeString(project.resolve("app.json"), "{\"pages\": [\"pages/index/index\"]}");
        Files.writeString(project.resolve("app.js"), "App({});");
        Files.createDirectories(project.resolve("pages/index"));
        Files.writeString(project.resolve("pages/index/index.js"), PAGE);
        // No room is joined: the server address is never dialled, only the media settings matter.
        RtcSettings settings = RtcSettings.of(URI.create("ws://127.0.0.1:9/rtc"))
                .withMedia(MediaConfig.DEFAULT.withMicrophone(AudioInput.tone(440, -20)));
        return host.launch(LaunchOptions.builder(project).extension(RtcSettings.class, settings).build());
    }

    private static JsonNode eval(MiniProgram app, String js) throws Exception {
        return app.evaluate(js).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void assertTone(double rms, String what) {
        assertTrue(Math.abs(rms - TONE_RMS) < TONE_RMS * 0.05, what + " RMS " + rms + ", expected about " + TONE_RMS);
    }

    @Test
    void frames_and_file_hold_the_tone_the_rtc_capture_sends_at_the_requested_rate_and_channels() throws Exception {
        try (MiniProgram app = launch()) {
            eval(app, "getCurrentPages()[0].rec.start({format: 'wav', sampleRate: 16000, numberOfChannels: 2,"
                    + " duration: 500, frameSize: 8}); null");
            Eventually.await("the recording read back", () -> {
                try {
                    return !eval(app, "getCurrentPages()[0].file || null").isNull();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode frames = eval(app, "getCurrentPages()[0].frames");
            JsonNode file = eval(app, "getCurrentPages()[0].file");
            // 500 ms at 16 kHz, two 16-bit channels: 32000 bytes, in 8 KB frames (three full, one last).
            assertEquals(JSON.readTree("{\"channels\":2,\"sampleRate\":16000,\"dataBytes\":32000,\"length\":32044}"),
                    ((ObjectNode) file.deepCopy()).without("rms"));
            assertTone(file.get("rms").asDouble(), "file");
            assertEquals(4, frames.size(), frames.toString());
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(i == 3, frames.get(i).get("last").asBoolean(), frames.toString());
                assertTrue(frames.get(i).get("stereoAlike").asBoolean(), "the one microphone channel in both");
                assertTone(frames.get(i).get("rms").asDouble(), "frame " + i);
            }
        }
    }
}
