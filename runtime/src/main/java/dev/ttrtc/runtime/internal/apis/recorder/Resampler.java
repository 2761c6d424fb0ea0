package dev.ttrtc.runtime.internal.apis.recorder;

import dev.ttrtc.runtime.api.MicrophoneStream;

/**
 * Turns a microphone's mono samples into the recording's format: 16-bit little-endian PCM at
 * the requested rate, the one channel copied into each of the requested channels. Rates change by
 * linear interpolation (no low-pass filter: what the source holds above the new Nyquist
 * frequency folds back, which the test tones and speech of this host barely have). Capture
 * thread only.
 */
final class Resampler {
    private final MicrophoneStream source;
    private final int channels;
    /** Source samples per output sample. */
    private final double step;
    private final short[] block;
    private int blockIndex;
    /** Where the next output sample lies, in source samples since the start. */
    private double position;
    /** How many source samples were taken; {@link #previous} and {@link #current} are the last two. */
    private long taken;
    private int previous;
    private int current;

    Resampler(MicrophoneStream source, int sampleRate, int channels) {
        this.source = source;
        this.channels = channels;
        this.step = source.sampleRate() / (double) sampleRate;
        // Read the source 10 ms at a time.
        this.block = new short[Math.max(1, source.sampleRate() / 100)];
        this.blockIndex = block.length;
    }

    /** The next {@code frames} sample frames, interleaved. */
    byte[] next(int frames) {
        byte[] out = new byte[frames * channels * 2];
        int at = 0;
        for (int f = 0; f < frames; f++) {
            short sample = sample();
            for (int c = 0; c < channels; c++) {
                out[at++] = (byte) sample;
                out[at++] = (byte) (sample >> 8);
            }
        }
        return out;
    }

    private short sample() {
        long index = (long) position;
        double fraction = position - index;
        // previous = source[index], current = source[index + 1]
        while (taken < index + 2) {
            previous = current;
            current = pull();
            taken++;
        }
        position += step;
        return (short) Math.round(previous + (current - previous) * fraction);
    }

    private short pull() {
        if (blockIndex == block.length) {
            source.read(block);
            blockIndex = 0;
        }
        return block[blockIndex++];
    }
}
