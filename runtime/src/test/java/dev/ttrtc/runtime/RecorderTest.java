package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.testkit.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tt.getRecorderManager with the runtime alone: no microphone provider, so the recorder hears
 * silence (the RTC bridge's tests record its tone). Events, files, frames and errors.
 */
class RecorderTest extends HostTestBase {

    private static String page() throws IOException {
        try (InputStream in = RecorderTest.class.getResourceAsStream("recorder-page.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private MiniProgram recorder() throws Exception {
        return launch(ProjectFolder.in(dir).page("pages/index/index", page()).write());
    }

    private static void run(MiniProgram app, String js) throws Exception {
        eval(app, "const rec = getCurrentPages()[0].rec; " + js + "; null");
    }

    private static JsonNode recording(MiniProgram app) throws Exception {
        return eval(app, "getCurrentPages()[0].readRecording()");
    }

    @Test
    void a_wav_recording_ends_by_itself_after_its_duration_with_a_header_that_matches_its_data() throws Exception {
        MiniProgram app = recorder();
        run(app, "rec.start({format: 'wav', sampleRate: 16000, numberOfChannels: 1, duration: 300})");
        waitForConsole(app, "Stop ttfile://temp/<name>.wav");
        assertEquals(List.of("Start", "Stop ttfile://temp/<name>.wav"), consoleLines(app));
        // 300 ms at 16 kHz: 4800 one-channel 16-bit frames, all silent with no microphone provider.
        assertEquals(json("{\"length\":9644,\"riff\":\"RIFF\",\"riffSize\":9636,\"wave\":\"WAVE\",\"fmt\":\"fmt \",\"pcm\":1,"
                + "\"channels\":1,\"sampleRate\":16000,\"byteRate\":32000,\"blockAlign\":2,\"bits\":16,\"data\":\"data\","
                + "\"dataBytes\":9600,\"peak\":0}"), recording(app));
    }

    @Test
    void pause_and_resume_come_in_order_and_frames_cover_the_raw_pcm_file() throws Exception {
        MiniProgram app = recorder();
        run(app, "rec.start({format: 'pcm', sampleRate: 8000, numberOfChannels: 2, frameSize: 1})");
        waitForConsole(app, "Start");
        run(app, "rec.pause(); rec.pause(); rec.resume(); rec.resume()");
        waitForConsole(app, "Resume");
        Eventually.await("two frames recorded", () -> {
            try {
                return eval(app, "getCurrentPages()[0].frames.length").asInt() >= 2;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        run(app, "rec.stop(); rec.stop()");
        waitForConsole(app, "Stop ttfile://temp/<name>.pcm");
        assertEquals(List.of("Start", "Pause", "Resume", "Stop ttfile://temp/<name>.pcm"), consoleLines(app));
        JsonNode frames = eval(app, "getCurrentPages()[0].frames");
        long total = 0;
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            boolean last = i == frames.size() - 1;
            assertTrue(frame.get("buffer").asBoolean());
            assertEquals(last, frame.get("last").asBoolean(), frames.toString());
            if (!last) {
                assertEquals(1024, frame.get("bytes").asInt(), frames.toString());
            }
            total += frame.get("bytes").asLong();
        }
        JsonNode file = recording(app);
        assertEquals(total, file.get("length").asLong(), "the frames hold exactly what the file holds");
        assertEquals(0, file.get("length").asLong() % 4, "whole two-channel 16-bit frames");
        assertTrue(file.get("length").asLong() > 2048, file.toString());
    }

    @Test
    void wrong_parameters_and_formats_the_host_cannot_encode_fail_through_on_error() throws Exception {
        MiniProgram app = recorder();
        run(app, "rec.start({format: 'wav', sampleRate: 7})");
        run(app, "rec.start({format: 'wav', sampleRate: 8000, encodeBitRate: 1000})");
        run(app, "rec.start({format: 'wav', duration: 600001})");
        run(app, "rec.start({format: 'ogg'})");
        run(app, "rec.start({format: 'mp3'})");
        run(app, "rec.start()");
        run(app, "rec.start('wav')");
        run(app, "rec.start({format: 'pcm', numberOfChannels: 3})");
        waitForConsole(app, "Error {\"errMsg\":\"RecorderManager.start:fail expect params.numberOfChannels to be one of 1, 2,"
                + " but got 3\",\"errNo\":20000}");
        assertEquals(List.of(
                "Error {\"errMsg\":\"RecorderManager.start:fail expect params.sampleRate to be one of 8000, 11025, 12000, 16000,"
                        + " 22050, 24000, 32000, 44100, 48000, but got 7\",\"errNo\":20000}",
                "Error {\"errMsg\":\"RecorderManager.start:fail invalid encodeBitRate 1000 , encodeBitRate should be greater than"
                        + " 16000 and less than 48000\",\"errNo\":21501}",
                "Error {\"errMsg\":\"RecorderManager.start:fail expect params.duration to be between 1 and 600000, but got"
                        + " 600001\",\"errNo\":20000}",
                "Error {\"errMsg\":\"RecorderManager.start:fail expect params.format to be one of \\\"aac\\\", \\\"mp3\\\", \\\"pcm\\\", \\\"wav\\\", but got"
                        + " ogg\",\"errNo\":20000}",
                "Error {\"errMsg\":\"RecorderManager.start:fail format mp3 is not available in tt-rtc-host (it records format"
                        + " wav or pcm)\",\"errNo\":21500}",
                "Error {\"errMsg\":\"RecorderManager.start:fail format aac is not available in tt-rtc-host (it records format"
                        + " wav or pcm)\",\"errNo\":21500}",
                "Error {\"errMsg\":\"RecorderManager.start:fail expect params to be object, but got string\",\"errNo\":20000}",
                "Error {\"errMsg\":\"RecorderManager.start:fail expect params.numberOfChannels to be one of 1, 2, but got 3\","
                        + "\"errNo\":20000}"), consoleLines(app));
    }

    @Test
    void a_second_start_while_recording_fails_and_the_first_recording_goes_on() throws Exception {
        MiniProgram app = recorder();
        run(app, "rec.start({format: 'wav', sampleRate: 8000, numberOfChannels: 1, duration: 200});"
                + " rec.start({format: 'pcm'})");
        waitForConsole(app, "Stop ttfile://temp/<name>.wav");
        assertEquals(List.of("Start", "Error {\"errMsg\":\"RecorderManager.start:fail the recorder is already recording"
                + " (stop it first)\",\"errNo\":21500}", "Stop ttfile://temp/<name>.wav"), consoleLines(app));
        assertEquals(3200, recording(app).get("dataBytes").asInt());
        // Free again once stopped: a start from onStop's turn on records anew.
        run(app, "rec.start({format: 'pcm', sampleRate: 8000, numberOfChannels: 1, duration: 100})");
        waitForConsole(app, "Stop ttfile://temp/<name>.pcm");
        assertEquals(1600, recording(app).get("length").asInt());
    }

    @Test
    void a_user_who_refuses_the_microphone_gets_auth_deny() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index", page()).write())
                .deny("scope.record"));
        run(app, "rec.start({format: 'wav'})");
        waitForConsole(app, "Error {\"errMsg\":\"RecorderManager.start:fail auth deny\",\"errNo\":10200}");
        assertEquals(1, consoleLines(app).size(), consoleLines(app).toString());
    }

    @Test
    void closing_the_instance_stops_the_capture_thread() throws Exception {
        MiniProgram app = recorder();
        run(app, "rec.start({format: 'wav', duration: 600000})");
        waitForConsole(app, "Start");
        String thread = "tt-recorder-" + app.id();
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(thread)));
        app.close();
        Eventually.await(thread + " ended", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(thread) && t.isAlive()));
    }
}
