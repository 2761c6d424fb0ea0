package dev.ttrtc.bridge.media.source;

/** A recording played in a loop. */
final class LoopedPcm implements AudioGenerator {
    private final short[] pcm;
    private int position;

    LoopedPcm(short[] pcm) {
        if (pcm.length == 0) {
            throw new IllegalArgumentException("the recording is empty");
        }
        this.pcm = pcm;
    }

    @Override
    public void next(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = pcm[position];
            position = (position + 1) % pcm.length;
        }
    }
}
