package dev.ttrtc.bridge.media.source;

import java.awt.image.BufferedImage;

/** A picture in I420 (Y plane, then quarter-size U and V planes), plain Java arrays. */
public record I420Image(int width, int height, byte[] y, byte[] u, byte[] v) {

    public static I420Image blank(int width, int height) {
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        return new I420Image(width, height, new byte[width * height], new byte[chroma], new byte[chroma]);
    }

    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** Converts an RGB picture (BT.601, studio range) into this image's planes. */
    public void fillFrom(BufferedImage rgb) {
        int cw = chromaWidth();
        int[] row = new int[width];
        for (int r = 0; r < height; r++) {
            rgb.getRGB(0, r, width, 1, row, 0, width);
            for (int c = 0; c < width; c++) {
                int p = row[c];
                int red = (p >> 16) & 0xFF;
                int green = (p >> 8) & 0xFF;
                int blue = p & 0xFF;
                y[r * width + c] = (byte) (((66 * red + 129 * green + 25 * blue + 128) >> 8) + 16);
                if ((r & 1) == 0 && (c & 1) == 0) {
                    int i = (r / 2) * cw + c / 2;
                    u[i] = (byte) (((-38 * red - 74 * green + 112 * blue + 128) >> 8) + 128);
                    v[i] = (byte) (((112 * red - 94 * green - 18 * blue + 128) >> 8) + 128);
                }
            }
        }
    }

    /** This picture as RGB (BT.601, studio range). */
    public BufferedImage toRgb() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int cw = chromaWidth();
        int[] row = new int[width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int luma = (y[r * width + c] & 0xFF) - 16;
                int i = (r / 2) * cw + c / 2;
                int cb = (u[i] & 0xFF) - 128;
                int cr = (v[i] & 0xFF) - 128;
                int red = clamp((298 * luma + 409 * cr + 128) >> 8);
                int green = clamp((298 * luma - 100 * cb - 208 * cr + 128) >> 8);
                int blue = clamp((298 * luma + 516 * cb + 128) >> 8);
                row[c] = (red << 16) | (green << 8) | blue;
            }
            image.setRGB(0, r, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
