package dev.ttrtc.bridge.media.source;

import dev.ttrtc.bridge.engine.VideoInput;
import java.util.function.Supplier;

/** Produces consecutive video frames. Not thread-safe: one pusher thread drives it. */
public interface VideoGenerator {

    int width();

    int height();

    /** The next frame; the image is the generator's own and is reused by the following call. */
    I420Image next();

    /**
     * The generator for an input at the requested size; a y4m file decides its own size.
     *
     * @param label drawn on test patterns: the user id (may change between frames, e.g. at join)
     * @param caption drawn on test patterns: FRONT, BACK or SCREEN (may change between frames)
     */
    static VideoGenerator of(VideoInput input, int width, int height, Supplier<String> label, Supplier<String> caption) {
        if (input instanceof VideoInput.Y4m y4m) {
            return Y4mReader.open(y4m.file());
        }
        return new TestPatternGenerator(width, height, label, caption);
    }
}
