package dev.ttrtc.bridge.engine;

import java.nio.file.Path;
import java.util.Objects;

/** What a participant's camera (or screen share) shows. */
public sealed interface VideoInput {

    /**
     * A generated picture: a moving ball, the user id, the frame counter (also as machine-readable
     * blocks along the top edge) and the camera facing ({@code FRONT}/{@code BACK}) or {@code SCREEN}.
     */
    static VideoInput testPattern() {
        return new TestPattern();
    }

    /** A YUV4MPEG2 file with 4:2:0 frames, looped; it sets its own size. */
    static VideoInput y4m(Path file) {
        return new Y4m(file);
    }

    record TestPattern() implements VideoInput {
    }

    record Y4m(Path file) implements VideoInput {
        public Y4m {
            Objects.requireNonNull(file, "file");
        }
    }
}
