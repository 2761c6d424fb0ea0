package dev.ttrtc.runtime.internal.apis.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Opens the audio an InnerAudioContext plays and measures its real duration, without a sound card:
 * the JDK's readers parse WAV (PCM), AIFF and AU headers. Host rule: other formats (MP3, AAC, …)
 * fail with the platform's format error, network and {@code ttfile://} sources with its file
 * error, since nothing here can decode or fetch them.
 */
final class AudioSource {
    /** The platform's InnerAudioContext error codes. */
    static final int FILE_ERROR = 10003;
    static final int FORMAT_ERROR = 10004;

    /** A source that opened, with its duration in seconds. */
    record Opened(double duration) {
    }

    /** Why a source did not open: onError's errCode and errMsg. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int errCode;

        Failure(int errCode, String errMsg) {
            super(errMsg, null, false, false);
            this.errCode = errCode;
        }
    }

    private AudioSource() {
    }

    /** Opens {@code src}: a path in the project ({@code /audio/ding.wav}, {@code audio/ding.wav}). */
    static Opened open(Path projectRoot, String src) throws Failure {
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ttfile://")) {
            throw new Failure(FILE_ERROR, "src " + src + " is not a file in the project (tt-rtc-host plays project files only)");
        }
        Path file = inside(projectRoot, src).orElseThrow(() -> new Failure(FILE_ERROR, "src " + src + " is not a file in the project"));
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames < 0 || rate <= 0) {
                throw new Failure(FORMAT_ERROR, "src " + src + " has no known length");
            }
            return new Opened(frames / (double) rate);
        } catch (UnsupportedAudioFileException e) {
            throw new Failure(FORMAT_ERROR, "src " + src + " is not WAV, AIFF or AU audio (tt-rtc-host cannot decode other formats)");
        } catch (IOException e) {
            throw new Failure(FILE_ERROR, "src " + src + " cannot be read");
        }
    }

    private static Optional<Path> inside(Path projectRoot, String src) {
        String relative = src.startsWith("/") ? src.substring(1) : src;
        Path candidate = projectRoot.resolve(relative).normalize();
        try {
            if (!candidate.startsWith(projectRoot) || !Files.isRegularFile(candidate)
                    || !candidate.toRealPath().startsWith(projectRoot.toRealPath())) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }
}
