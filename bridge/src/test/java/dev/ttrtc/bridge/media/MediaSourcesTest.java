package dev.ttrtc.bridge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.VideoInput;
import dev.ttrtc.bridge.media.analysis.LevelMeter;
import dev.ttrtc.bridge.media.analysis.SpeechDetector;
import dev.ttrtc.bridge.media.source.AudioFrames;
import dev.ttrtc.bridge.media.source.AudioGenerator;
import dev.ttrtc.bridge.media.source.FrameCounterCode;
import dev.ttrtc.bridge.media.source.I420Image;
import dev.ttrtc.bridge.media.source.VideoGenerator;
import dev.ttrtc.bridge.media.source.Wavs;
import dev.ttrtc.bridge.media.source.Y4mAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSourcesTest {
    @TempDir
    Path dir;

    private static short[] frames(AudioGenerator generator, int count) {
        short[] all = new short[count * AudioFrames.FRAME_SAMPLES];
        short[] frame = new short[AudioFrames.FRAME_SAMPLES];
        for (int i = 0; i < count; i++) {
            generator.next(frame);
            System.arraycopy(frame, 0, all, i * frame.length, frame.length);
        }
        return all;
    }

    @Test
    void a_tone_has_its_frequency_and_level() {
        short[] samples = frames(AudioGenerator.of(AudioInput.tone(440, -20)), 10);
        assertTrue(Goertzel.share(samples, 440, 48000) > 0.95);
        assertTrue(Goertzel.share(samples, 880, 48000) < 0.01);
        assertEquals(-23.0, LevelMeter.dbov(samples), 0.2, "a -20 dBFS sine has an RMS 3 dB lower");
    }

    @Test
    void silence_is_digital_silence() {
        short[] samples = frames(AudioGenerator.of(AudioInput.silence()), 5);
        assertTrue(Arrays.stream(toInts(samples)).allMatch(s -> s == 0));
        assertEquals(LevelMeter.FLOOR_DBOV, LevelMeter.dbov(samples));
        assertEquals(0, LevelMeter.volume(LevelMeter.dbov(samples)));
    }

    private static int[] toInts(short[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    @Test
    void the_speech_recording_is_detected_as_speech_and_a_talk_pattern_alternates() {
        AudioGenerator pattern = AudioGenerator.of(AudioInput.talkPattern(AudioInput.speech(), Duration.ofSeconds(2), Duration.ofSeconds(2)));
        SpeechDetector detector = new SpeechDetector();
        short[] frame = new short[AudioFrames.FRAME_SAMPLES];
        List<Integer> changes = new ArrayList<>();
        boolean speaking = false;
        for (int i = 0; i < 1600; i++) {
            pattern.next(frame);
            boolean now = detector.offer(LevelMeter.dbov(frame));
            if (now != speaking) {
                changes.add(i * 10);
                speaking = now;
            }
        }
        // Onsets near 0, 4, 8 ... s; ends near 2, 6, 10 ... s plus the hangover.
        assertEquals(8, changes.size(), changes.toString());
        for (int turn = 0; turn < 4; turn++) {
            int onset = changes.get(2 * turn);
            int end = changes.get(2 * turn + 1);
            assertTrue(Math.abs(onset - turn * 4000) <= 300, "onset " + onset);
            assertTrue(end > turn * 4000 + 1500 && end <= turn * 4000 + 2000 + SpeechDetector.DEFAULT_HANGOVER_MILLIS + 10, "end " + end);
        }
    }

    @Test
    void a_wav_file_of_another_rate_and_stereo_is_mixed_and_resampled() throws Exception {
        int rate = 22050;
        byte[] stereo = new byte[rate * 4];
        for (int i = 0; i < rate; i++) {
            short left = (short) (10000 * Math.sin(2 * Math.PI * 1000 * i / rate));
            for (int c = 0; c < 2; c++) {
                stereo[4 * i + 2 * c] = (byte) left;
                stereo[4 * i + 2 * c + 1] = (byte) (left >> 8);
            }
        }
        Path wav = dir.resolve("tone.wav");
        AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(stereo), format, rate), AudioFileFormat.Type.WAVE, wav.toFile());
        short[] mono = Wavs.read(wav);
        assertEquals(48000, mono.length, 2);
        assertTrue(Goertzel.share(Arrays.copyOfRange(mono, 1000, 5800), 1000, 48000) > 0.9);
    }

    @Test
    void a_bad_wav_file_fails_with_one_clear_message() throws Exception {
        Path notWav = Files.writeString(dir.resolve("x.wav"), "hello");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Wavs.read(notWav)).getMessage()
                .startsWith(notWav + " is not a WAV file Java can read"));
        assertEquals("WAV file not found: " + dir.resolve("none.wav"),
                assertThrows(IllegalArgumentException.class, () -> Wavs.read(dir.resolve("none.wav"))).getMessage());
    }

    @Test
    void the_test_pattern_moves_and_carries_a_readable_counter() {
        VideoGenerator pattern = VideoGenerator.of(VideoInput.testPattern(), 320, 240, () -> "bob", () -> "FRONT");
        byte[] first = pattern.next().y().clone();
        for (int i = 1; i < 37; i++) {
            pattern.next();
        }
        I420Image frame37 = pattern.next();
        assertEquals(37, FrameCounterCode.read(frame37.y(), 320, 320));
        assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(frame37.y()));
    }

    @Test
    void a_y4m_clip_loops_and_keeps_its_size() throws Exception {
        List<I420Image> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            I420Image image = I420Image.blank(64, 48);
            Arrays.fill(image.y(), (byte) (50 + i * 50));
            frames.add(image);
        }
        Path clip = dir.resolve("clip.y4m");
        Files.write(clip, Y4mAccess.encode(64, 48, 15, frames));
        VideoGenerator reader = VideoGenerator.of(VideoInput.y4m(clip), 320, 240, () -> "x", () -> "");
        assertEquals(List.of(64, 48), List.of(reader.width(), reader.height()));
        List<Integer> lumas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lumas.add(reader.next().y()[0] & 0xFF);
        }
        assertEquals(List.of(50, 100, 150, 50), lumas);
        Path bad = Files.writeString(dir.resolve("bad.y4m"), "YUV4MPEG2 W64 H48 C444\nFRAME\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VideoGenerator.of(VideoInput.y4m(bad), 1, 1, () -> "", () -> ""))
                .getMessage().endsWith("only 4:2:0 y4m files are supported, this one is 444"));
    }
}
