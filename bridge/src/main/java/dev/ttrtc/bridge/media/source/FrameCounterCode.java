package dev.ttrtc.bridge.media.source;

/**
 * The frame counter written into the top edge of test-pattern frames as 16 black/white blocks
 * (most significant bit first), large enough to survive video compression, so a receiver can read
 * which frame it decoded.
 */
public final class FrameCounterCode {
    public static final int BITS = 16;

    private FrameCounterCode() {
    }

    /** Block edge in pixels for a frame of this width. */
    static int blockSize(int width) {
        return Math.max(4, width / (BITS + 4));
    }

    /** Writes the low 16 bits of {@code counter} into the Y plane. */
    public static void write(I420Image image, long counter) {
        int size = blockSize(image.width());
        for (int bit = 0; bit < BITS; bit++) {
            boolean one = ((counter >> (BITS - 1 - bit)) & 1) == 1;
            byte luma = (byte) (one ? 235 : 16);
            int x0 = size + bit * size;
            for (int r = 0; r < size && r < image.height(); r++) {
                for (int c = x0; c < x0 + size && c < image.width(); c++) {
                    image.y()[r * image.width() + c] = luma;
                }
            }
        }
    }

    /**
     * Reads the counter back from a decoded Y plane (block centres, threshold at mid grey).
     *
     * @param y the Y plane
     * @param width the picture width
     * @param stride bytes per row of the plane
     */
    public static int read(byte[] y, int width, int stride) {
        int size = blockSize(width);
        int value = 0;
        for (int bit = 0; bit < BITS; bit++) {
            int cx = size + bit * size + size / 2;
            int cy = size / 2;
            int sum = 0;
            int n = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    sum += y[(cy + dy) * stride + cx + dx] & 0xFF;
                    n++;
                }
            }
            value = (value << 1) | (sum / n > 128 ? 1 : 0);
        }
        return value;
    }
}
