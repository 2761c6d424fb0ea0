package dev.ttrtc.bridge.media.analysis;

/** The level of a 10 ms frame in dBov (0 = full scale), and the 0–255 volume the mini-game reports. */
public final class LevelMeter {
    /** The level of digital silence (all zeros). */
    public static final double FLOOR_DBOV = -127;

    private LevelMeter() {
    }

    public static double dbov(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        double rms = Math.sqrt(sum / Math.max(1, samples.length));
        return rms < 1e-9 ? FLOOR_DBOV : Math.max(FLOOR_DBOV, 20 * Math.log10(rms / 32767.0));
    }

    /** Host rule: -60 dBov and below is 0, 0 dBov is 255, linear in dB between. */
    public static int volume(double dbov) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, (dbov + 60) / 60)));
    }
}
