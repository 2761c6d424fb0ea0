package dev.ttrtc.bridge.media.source;

/** The audio format on the wire inside the host: 48 kHz, mono, 16-bit, 10 ms frames. */
public final class AudioFrames {
    public static final int SAMPLE_RATE = 48_000;
    public static final int FRAME_SAMPLES = SAMPLE_RATE / 100;
    public static final int FRAME_MILLIS = 10;

    private AudioFrames() {
    }

    /** Little-endian bytes of a frame, as webrtc-java takes them. */
    public static void toBytes(short[] samples, byte[] target) {
        for (int i = 0; i < samples.length; i++) {
            target[2 * i] = (byte) samples[i];
            target[2 * i + 1] = (byte) (samples[i] >> 8);
        }
    }

    /** Samples of a little-endian 16-bit byte array. */
    public static short[] fromBytes(byte[] data, int sampleCount) {
        short[] samples = new short[sampleCount];
        for (int i = 0; i < sampleCount; i++) {
            samples[i] = (short) ((data[2 * i] & 0xFF) | (data[2 * i + 1] << 8));
        }
        return samples;
    }
}
