package dev.ttrtc.bridge.media.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays a YUV4MPEG2 file ({@code .y4m}) with 4:2:0 frames in a loop. The whole file is read at
 * once: test clips are small.
 */
final class Y4mReader implements VideoGenerator {
    private final int width;
    private final int height;
    private final byte[] data;
    private final int firstFrame;
    private final int frameBytes;
    private final I420Image image;
    private int offset;

    private Y4mReader(int width, int height, byte[] data, int firstFrame) {
        this.width = width;
        this.height = height;
        this.data = data;
        this.firstFrame = firstFrame;
        this.image = I420Image.blank(width, height);
        this.frameBytes = image.y().length + image.u().length + image.v().length;
        this.offset = firstFrame;
    }

    static Y4mReader open(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read y4m file " + file + ": " + e.getMessage());
        }
        int end = indexOf(data, (byte) '\n', 0);
        String header = end < 0 ? "" : new String(data, 0, end, StandardCharsets.US_ASCII);
        if (!header.startsWith("YUV4MPEG2 ")) {
            throw new IllegalArgumentException(file + " is not a YUV4MPEG2 (.y4m) file");
        }
        int width = 0;
        int height = 0;
        for (String token : header.split(" ")) {
            if (token.startsWith("W")) {
                width = Integer.parseInt(token.substring(1));
            } else if (token.startsWith("H")) {
                height = Integer.parseInt(token.substring(1));
            } else if (token.startsWith("C") && !token.startsWith("C420")) {
                throw new IllegalArgumentException(file + ": only 4:2:0 y4m files are supported, this one is " + token.substring(1));
            }
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(file + ": the y4m header has no frame size");
        }
        Y4mReader reader = new Y4mReader(width, height, data, end + 1);
        if (reader.frameStart(reader.firstFrame) < 0) {
            throw new IllegalArgumentException(file + ": no complete frame");
        }
        return reader;
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Where the pixels of the frame whose "FRAME" line starts at {@code at} begin, or -1. */
    private int frameStart(int at) {
        int newline = indexOf(data, (byte) '\n', at);
        if (newline < 0 || !new String(data, at, Math.min(5, data.length - at), StandardCharsets.US_ASCII).equals("FRAME")
                || newline + 1 + frameBytes > data.length) {
            return -1;
        }
        return newline + 1;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public I420Image next() {
        int pixels = frameStart(offset);
        if (pixels < 0) {
            offset = firstFrame;
            pixels = frameStart(offset);
        }
        System.arraycopy(data, pixels, image.y(), 0, image.y().length);
        System.arraycopy(data, pixels + image.y().length, image.u(), 0, image.u().length);
        System.arraycopy(data, pixels + image.y().length + image.u().length, image.v(), 0, image.v().length);
        offset = pixels + frameBytes;
        return image;
    }

    /** Writes frames as a y4m file (for tests and tools that make clips). */
    static byte[] encode(int width, int height, int fps, Iterable<I420Image> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
        for (I420Image f : frames) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(f.y());
            out.writeBytes(f.u());
            out.writeBytes(f.v());
        }
        return out.toByteArray();
    }
}
