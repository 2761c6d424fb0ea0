package dev.ttrtc.bridge.media;

/** Finds how much of a signal's energy is at one frequency (tests listen for tones with it). */
public final class Goertzel {
    private Goertzel() {
    }

    /** The share (0..1) of the samples' energy at {@code hertz}. */
    public static double share(short[] samples, double hertz, int sampleRate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (short sample : samples) {
            double s = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += (double) sample * sample;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return energy == 0 ? 0 : power / (samples.length / 2.0 * energy);
    }
}
