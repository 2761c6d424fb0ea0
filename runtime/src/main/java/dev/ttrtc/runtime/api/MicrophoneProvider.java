package dev.ttrtc.runtime.api;

import java.util.Optional;

/**
 * Gives an instance's microphone to {@code tt.getRecorderManager()}. Found with
 * {@link java.util.ServiceLoader} (list it in
 * {@code META-INF/services/dev.ttrtc.runtime.api.MicrophoneProvider}); the first provider that
 * answers for an instance wins. The RTC bridge contributes the source its room capture sends, so
 * a recording hears what the instance says in a room. Without any provider the recorder hears
 * silence (a muted microphone), which is what the runtime alone records.
 */
public interface MicrophoneProvider {

    /**
     * A fresh stream of the instance's microphone, starting now; empty when this provider has no
     * microphone for it. Called on the instance's loop thread when a recording starts.
     */
    Optional<MicrophoneStream> open(InstanceContext instance);
}
