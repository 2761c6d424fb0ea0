package dev.ttrtc.runtime.internal.apis.recorder;

import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.MicrophoneProvider;
import dev.ttrtc.runtime.api.MicrophoneStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The microphone a recording hears: the first {@link MicrophoneProvider} on the class path that
 * has one for the instance (the RTC bridge's), or else silence. Providers are looked up once per
 * JVM, like the other extension points, but here rather than in the host because only the
 * recorder uses them.
 */
final class Microphones {
    /** Host rule: what the runtime alone records, a muted microphone at the engine's rate. */
    static final int SILENCE_RATE = 48_000;

    private static final class Found {
        static final List<MicrophoneProvider> PROVIDERS =
                ServiceLoader.load(MicrophoneProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    private Microphones() {
    }

    /** A fresh stream of the instance's microphone. Loop thread. */
    static MicrophoneStream open(InstanceContext instance) {
        for (MicrophoneProvider provider : Found.PROVIDERS) {
            Optional<MicrophoneStream> stream = provider.open(instance);
            if (stream.isPresent()) {
                return stream.get();
            }
        }
        return new MicrophoneStream() {
            @Override
            public int sampleRate() {
                return SILENCE_RATE;
            }

            @Override
            public void read(short[] samples) {
                Arrays.fill(samples, (short) 0);
            }
        };
    }
}
