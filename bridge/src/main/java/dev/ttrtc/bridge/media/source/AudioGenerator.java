package dev.ttrtc.bridge.media.source;

import dev.ttrtc.bridge.engine.AudioInput;

/**
 * Produces consecutive 10 ms frames of audio ({@link AudioFrames}). Not thread-safe: one pusher
 * thread drives it.
 */
public interface AudioGenerator {

    /** Fills {@code frame} ({@link AudioFrames#FRAME_SAMPLES} samples) with the next 10 ms. */
    void next(short[] frame);

    /** The generator for an input; a WAV that cannot be read fails here with a clear message. */
    static AudioGenerator of(AudioInput input) {
        if (input instanceof AudioInput.Speech) {
            return new LoopedPcm(Wavs.speech());
        } else if (input instanceof AudioInput.Wav wav) {
            return new LoopedPcm(Wavs.read(wav.file()));
        } else if (input instanceof AudioInput.Tone tone) {
            return new ToneGenerator(tone.hertz(), tone.dbfs());
        } else if (input instanceof AudioInput.TalkPattern pattern) {
            return new TalkPatternGenerator(of(pattern.talk()), pattern.speaking(), pattern.pause());
        }
        return frame -> java.util.Arrays.fill(frame, (short) 0);
    }
}
