package dev.ttrtc.bridge.media.source;

import java.time.Duration;
import java.util.Arrays;

/** Talks for a while, pauses for a while, again and again; the talk resumes where it paused. */
final class TalkPatternGenerator implements AudioGenerator {
    private final AudioGenerator talk;
    private final long talkFrames;
    private final long cycleFrames;
    private long frameIndex;

    TalkPatternGenerator(AudioGenerator talk, Duration speaking, Duration pause) {
        this.talk = talk;
        this.talkFrames = Math.max(1, speaking.toMillis() / AudioFrames.FRAME_MILLIS);
        this.cycleFrames = talkFrames + pause.toMillis() / AudioFrames.FRAME_MILLIS;
    }

    @Override
    public void next(short[] frame) {
        if (frameIndex % cycleFrames < talkFrames) {
            talk.next(frame);
        } else {
            Arrays.fill(frame, (short) 0);
        }
        frameIndex++;
    }
}
