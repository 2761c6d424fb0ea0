package dev.ttrtc.bridge.media.source;

/** Lets tests in other packages write y4m clips. */
public final class Y4mAccess {
    private Y4mAccess() {
    }

    public static byte[] encode(int width, int height, int fps, Iterable<I420Image> frames) {
        return Y4mReader.encode(width, height, fps, frames);
    }
}
