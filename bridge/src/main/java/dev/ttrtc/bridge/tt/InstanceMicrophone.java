package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.media.source.AudioFrames;
import dev.ttrtc.bridge.media.source.AudioGenerator;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.MicrophoneProvider;
import dev.ttrtc.runtime.api.MicrophoneStream;
import java.util.Optional;

/**
 * Gives {@code tt.getRecorderManager()} the microphone an instance's RTC capture sends: the
 * {@link MediaConfig#microphone()} of its {@link RtcSettings} (the speech recording of
 * {@link MediaConfig#DEFAULT} without settings), as a fresh generator per recording, so a
 * recording starts where the source starts rather than where the room's capture is.
 */
public final class InstanceMicrophone implements MicrophoneProvider {

    @Override
    public Optional<MicrophoneStream> open(InstanceContext instance) {
        MediaConfig media = instance.extension(RtcSettings.class).map(RtcSettings::media).orElse(MediaConfig.DEFAULT);
        return Optional.of(new Stream(AudioGenerator.of(media.microphone())));
    }

    /** Generators produce whole 10 ms frames (a talk pattern counts them); readers take any length. */
    private static final class Stream implements MicrophoneStream {
        private final AudioGenerator generator;
        private final short[] frame = new short[AudioFrames.FRAME_SAMPLES];
        private int used = frame.length;

        Stream(AudioGenerator generator) {
            this.generator = generator;
        }

        @Override
        public int sampleRate() {
            return AudioFrames.SAMPLE_RATE;
        }

        @Override
        public void read(short[] samples) {
            for (int i = 0; i < samples.length; i++) {
                if (used == frame.length) {
                    generator.next(frame);
                    used = 0;
                }
                samples[i] = frame[used++];
            }
        }
    }
}
