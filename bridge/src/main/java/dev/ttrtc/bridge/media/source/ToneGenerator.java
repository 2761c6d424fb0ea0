package dev.ttrtc.bridge.media.source;

/** A continuous sine tone. */
final class ToneGenerator implements AudioGenerator {
    private final double step;
    private final double amplitude;
    private double phase;

    ToneGenerator(double hertz, double dbfs) {
        this.step = 2 * Math.PI * hertz / AudioFrames.SAMPLE_RATE;
        this.amplitude = 32767 * Math.pow(10, dbfs / 20);
    }

    @Override
    public void next(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += step;
        }
        phase %= 2 * Math.PI;
    }
}
