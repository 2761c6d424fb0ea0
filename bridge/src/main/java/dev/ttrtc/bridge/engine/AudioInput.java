package dev.ttrtc.bridge.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a participant's microphone "hears". Sent as 48 kHz mono audio in 10 ms frames; the
 * speaker detector measures exactly what is sent.
 */
public sealed interface AudioInput {

    /** The speech recording shipped with tt-rtc-host (espeak-ng, about 11 s), looped. */
    static AudioInput speech() {
        return new Speech();
    }

    /** A WAV file (any PCM format and rate; mixed to mono and resampled), looped. */
    static AudioInput wav(Path file) {
        return new Wav(file);
    }

    /** A sine tone at {@code hertz}, {@code dbfs} loud (for example -20). */
    static AudioInput tone(double hertz, double dbfs) {
        return new Tone(hertz, dbfs);
    }

    static AudioInput silence() {
        return new Silence();
    }

    /** {@code talk} for {@code speaking}, then silence for {@code pause}, repeated. */
    static AudioInput talkPattern(AudioInput talk, Duration speaking, Duration pause) {
        return new TalkPattern(talk, speaking, pause);
    }

    record Speech() implements AudioInput {
    }

    record Wav(Path file) implements AudioInput {
        public Wav {
            Objects.requireNonNull(file, "file");
        }
    }

    record Tone(double hertz, double dbfs) implements AudioInput {
        public Tone {
            if (!(hertz > 0 && hertz < 24_000)) {
                throw new IllegalArgumentException("tone frequency must be between 0 and 24000 Hz, got " + hertz);
            }
            if (!(dbfs <= 0)) {
                throw new IllegalArgumentException("tone level must be at most 0 dBFS, got " + dbfs);
            }
        }
    }

    record Silence() implements AudioInput {
    }

    record TalkPattern(AudioInput talk, Duration speaking, Duration pause) implements AudioInput {
        public TalkPattern {
            Objects.requireNonNull(talk, "talk");
            if (speaking.isNegative() || speaking.isZero() || pause.isNegative()) {
                throw new IllegalArgumentException("a talk pattern needs a positive speaking time and a non-negative pause");
            }
            if (talk instanceof TalkPattern) {
                throw new IllegalArgumentException("a talk pattern cannot talk in a talk pattern");
            }
        }
    }
}
