package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.media.source.Wavs;
import java.nio.file.Path;
import java.time.Duration;

/** Reads {@code --mic}: speech, silence, tone:HZ, talk:SPEAK/PAUSE or wav:FILE. */
final class Microphones {
    private Microphones() {
    }

    static AudioInput parse(String spec) {
        try {
            if (spec.equals("speech")) {
                return AudioInput.speech();
            }
            if (spec.equals("silence")) {
                return AudioInput.silence();
            }
            if (spec.startsWith("tone:")) {
                return AudioInput.tone(frequency(spec.substring(5)), -20);
            }
            if (spec.startsWith("talk:")) {
                String[] parts = spec.substring(5).split("/");
                Duration pause = parts.length > 1 ? DurationConverter.parse(parts[1]) : Duration.ZERO;
                return AudioInput.talkPattern(AudioInput.speech(), DurationConverter.parse(parts[0]), pause);
            }
            if (spec.startsWith("wav:")) {
                Path file = Path.of(spec.substring(4));
                Wavs.read(file);
                return AudioInput.wav(file);
            }
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserError("--mic '" + spec + "': " + e.getMessage());
        }
        throw new UserError("--mic must be speech, silence, tone:HZ, talk:SPEAK/PAUSE or wav:FILE, got '" + spec + "'");
    }

    private static double frequency(String hz) {
        try {
            return Double.parseDouble(hz);
        } catch (NumberFormatException e) {
            throw new UserError("--mic tone:HZ takes a frequency in Hz such as tone:440, got 'tone:" + hz + "'");
        }
    }
}
