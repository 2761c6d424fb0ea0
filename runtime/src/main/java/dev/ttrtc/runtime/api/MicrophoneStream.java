package dev.ttrtc.runtime.api;

/**
 * The samples one microphone produces, as 16-bit mono PCM at {@link #sampleRate()}. Not
 * thread-safe: after {@link MicrophoneProvider#open} it is read from one capture thread only.
 */
public interface MicrophoneStream {

    /** Samples per second of what {@link #read} gives. */
    int sampleRate();

    /** Fills {@code samples} (any length) with the next samples, in order, without gaps. */
    void read(short[] samples);
}
