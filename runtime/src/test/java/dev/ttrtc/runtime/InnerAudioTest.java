package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** tt.createInnerAudioContext: real durations from WAV files, events driven by the clock. */
class InnerAudioTest extends HostTestBase {

    /** A mono 16-bit PCM WAV of {@code frames} silent frames at 8 kHz. */
    private static void writeWav(Path file, int frames) throws IOException {
        Files.createDirectories(file.getParent());
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    /** A page that plays a sound the way games and call pages do, logging every event. */
    private static final String PLAYER_PAGE = "Page({\n"
            + "  onLoad() {\n"
            + "    const ctx = this.audio = tt.createInnerAudioContext();\n"
            + "    ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'Error', 'Seeking', 'Seeked'].forEach((e) =>\n"
            + "      ctx['on' + e]((res) => console.log(e + (res ? ' ' + JSON.stringify(res) : ''))));\n"
            + "    ctx.onTimeUpdate(() => { this.updates = (this.updates || 0) + 1; });\n"
            + "  },\n"
            + "  playIt(e) { this.audio.src = e.detail.src; this.audio.play(); }\n"
            + "});\n";

    private MiniProgram player() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index", PLAYER_PAGE).write();
        writeWav(project.resolve("audio/ding.wav"), 4800);
        Files.writeString(project.resolve("audio/song.mp3"), "ID3 not really an mp3");
        return launch(project);
    }

    private static PageEvent src(String src) {
        return new PageEvent("tap", json("{\"src\":\"" + src + "\"}"), json("{}"));
    }

    @Test
    void a_wav_plays_for_its_real_duration_with_time_updates_then_ends() throws Exception {
        MiniProgram app = player();
        app.callPageMethod("playIt", src("/audio/ding.wav"));
        waitForConsole(app, "Ended");
        assertEquals(List.of("Canplay", "Play", "Ended"), consoleLines(app));
        assertEquals(json("[0.6,0.6,true,0.6]"), eval(app, "const a = getCurrentPages()[0].audio;"
                + " [a.duration, a.currentTime, a.paused, a.buffered]"));
        assertTrue(eval(app, "getCurrentPages()[0].updates").asInt() >= 1);
        assertEquals(0, app.events().snapshot(e -> e.kind() == HostEvent.Kind.API_CALL && e.name().startsWith("InnerAudioContext.currentTime")).size());
    }

    @Test
    void pause_seek_and_stop_move_the_position() throws Exception {
        MiniProgram app = player();
        eval(app, "const a = getCurrentPages()[0].audio; a.src = 'audio/ding.wav'; a.autoplay = false;");
        waitForConsole(app, "Canplay");
        assertEquals(json("[0.6,0,true]"), eval(app, "const b = getCurrentPages()[0].audio; [b.duration, b.currentTime, b.paused]"));
        eval(app, "const c = getCurrentPages()[0].audio; c.play(); c.pause(); c.seek(0.25);");
        waitForConsole(app, "Seeked");
        assertEquals(json("[0.25,true]"), eval(app, "const d = getCurrentPages()[0].audio; [d.currentTime, d.paused]"));
        eval(app, "const f = getCurrentPages()[0].audio; f.duration = 99; f.stop();");
        waitForConsole(app, "Stop");
        assertEquals(List.of("Canplay", "Play", "Pause", "Seeking", "Seeked", "Stop"), consoleLines(app));
        assertEquals(json("[0,0.6]"), eval(app, "const g = getCurrentPages()[0].audio; [g.currentTime, g.duration]"));
    }

    @Test
    void formats_and_places_the_host_cannot_play_fail_through_on_error() throws Exception {
        MiniProgram app = player();
        app.callPageMethod("playIt", src("/audio/song.mp3"));
        waitForConsole(app, "Error {\"errMsg\":\"src /audio/song.mp3 is not WAV, AIFF or AU audio (tt-rtc-host cannot decode"
                + " other formats)\",\"errCode\":10004}");
        app.callPageMethod("playIt", src("https://cdn.example.invalid/a.wav"));
        waitForConsole(app, "Error {\"errMsg\":\"src https://cdn.example.invalid/a.wav is not a file in the project"
                + " (tt-rtc-host plays project files only)\",\"errCode\":10003}");
        app.callPageMethod("playIt", src("../outside.wav"));
        waitForConsole(app, "Error {\"errMsg\":\"src ../outside.wav is not a file in the project\",\"errCode\":10003}");
        assertEquals(json("[0,true]"), eval(app, "const a = getCurrentPages()[0].audio; [a.duration, a.paused]"));
    }

    @Test
    void a_looping_clip_restarts_and_destroy_silences_it() throws Exception {
        MiniProgram app = player();
        eval(app, "const a = getCurrentPages()[0].audio; a.loop = true; a.src = 'audio/ding.wav'; a.play();");
        Eventually.await("consoleLines(app).stream().filter(\"Play\"::equals).count() >= 2", () -> consoleLines(app).stream().filter("Play"::equals).count() >= 2);
        eval(app, "getCurrentPages()[0].audio.destroy()");
        int lines = consoleLines(app).size();
        eval(app, "new Promise((r) => setTimeout(r, 700))");
        assertEquals(lines, consoleLines(app).size());
        assertTrue(consoleLines(app).stream().noneMatch("Ended"::equals), consoleLines(app).toString());
    }
}
