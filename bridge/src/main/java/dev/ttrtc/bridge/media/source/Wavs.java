package dev.ttrtc.bridge.media.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads WAV files into 48 kHz mono samples: Java Sound decodes the format, then channels are
 * averaged and the rate is converted by linear interpolation.
 */
public final class Wavs {
    private static final String SPEECH = "/dev/ttrtc/bridge/media/speech.wav";
    private static volatile short[] speech;

    private Wavs() {
    }

    /** The shipped speech recording. */
    static short[] speech() {
        short[] cached = speech;
        if (cached == null) {
            try (InputStream in = Wavs.class.getResourceAsStream(SPEECH)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + SPEECH);
                }
                cached = decode(new BufferedInputStream(in), "the shipped speech recording");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            speech = cached;
        }
        return cached;
    }

    /** A WAV file as 48 kHz mono; a file that is missing or not readable PCM fails with one clear message. */
    public static short[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("WAV file not found: " + file);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return decode(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read WAV file " + file + ": " + e.getMessage());
        }
    }

    private static short[] decode(InputStream in, String name) throws IOException {
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(in);
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException(name + " is not a WAV file Java can read: " + e.getMessage());
        }
        AudioFormat from = source.getFormat();
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, from.getSampleRate(), 16,
                from.getChannels(), from.getChannels() * 2, from.getSampleRate(), false);
        byte[] bytes;
        try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, source)) {
            bytes = decoded.readAllBytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": cannot decode " + from + " to 16-bit PCM");
        }
        int channels = from.getChannels();
        int frames = bytes.length / (2 * channels);
        short[] mono = new short[frames];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = 2 * (f * channels + c);
                sum += (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8));
            }
            mono[f] = (short) (sum / channels);
        }
        return resample(mono, from.getSampleRate(), AudioFrames.SAMPLE_RATE);
    }

    static short[] resample(short[] samples, double fromRate, double toRate) {
        if (fromRate == toRate || samples.length == 0) {
            return samples;
        }
        int length = (int) Math.floor((samples.length - 1) * toRate / fromRate) + 1;
        short[] out = new short[length];
        double step = fromRate / toRate;
        for (int i = 0; i < length; i++) {
            double at = i * step;
            int left = (int) at;
            int right = Math.min(left + 1, samples.length - 1);
            double weight = at - left;
            out[i] = (short) Math.round(samples[left] * (1 - weight) + samples[right] * weight);
        }
        return out;
    }
}
