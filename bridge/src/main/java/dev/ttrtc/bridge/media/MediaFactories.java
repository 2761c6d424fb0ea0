package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.ttrtc.bridge.engine.MediaUnavailableException;

/**
 * The two WebRTC factories every participant of the JVM shares.
 *
 * <p>Why two, and why shared (checked on these machines with webrtc-java 0.14.0):
 * <ul>
 *   <li>Audio is pushed from Java ({@code CustomAudioSource.pushAudio}). If the headless audio
 *       module's own capture thread also delivers into the same send stream, libwebrtc aborts the
 *       JVM (race check in audio_send_stream). So the SEND factory's module is silenced right
 *       after the factory is made ({@code setAudioSource} with a source that produces nothing),
 *       and it holds only send-only connections.</li>
 *   <li>Remote audio reaches sinks only through an untouched module's playout, so the RECEIVE
 *       factory keeps its module and holds only receive-only connections (which never start its
 *       capture).</li>
 *   <li>Closing a peer connection does not free it in 0.14.0 (upstream issue #239); a factory that
 *       made connections keeps native threads alive after disposal. Sharing two factories for the
 *       JVM's lifetime keeps threads flat however many participants come and go.</li>
 * </ul>
 */
public final class MediaFactories {
    private static volatile MediaFactories instance;

    final HeadlessAudioDeviceModule sendModule;
    final PeerConnectionFactory send;
    final HeadlessAudioDeviceModule receiveModule;
    final PeerConnectionFactory receive;

    private MediaFactories() {
        sendModule = new HeadlessAudioDeviceModule();
        send = new PeerConnectionFactory(sendModule);
        sendModule.setAudioSource((samples, count, bytesPerSample, channels, rate) -> 0);
        receiveModule = new HeadlessAudioDeviceModule();
        receive = new PeerConnectionFactory(receiveModule);
    }

    /** The shared factories, made on first use; fails with a clear message when the native library cannot load. */
    static MediaFactories get() {
        MediaFactories current = instance;
        if (current == null) {
            synchronized (MediaFactories.class) {
                current = instance;
                if (current == null) {
                    current = load();
                    instance = current;
                }
            }
        }
        return current;
    }

    private static MediaFactories load() {
        try {
            return new MediaFactories();
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw unavailable(e);
        }
    }

    static MediaUnavailableException unavailable(Throwable e) {
        String detail = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("libpulse")) {
                return new MediaUnavailableException("WebRTC media needs libpulse.so.0, from the Debian package libpulse0"
                        + " (apt-get install -y libpulse0)", e);
            }
        }
        return new MediaUnavailableException("WebRTC's native library cannot load here: " + detail, e);
    }

    /**
     * Checks that media can run here, loading the native library if needed.
     *
     * @throws MediaUnavailableException with one line saying what to install
     */
    public static void ensureAvailable() {
        get();
    }
}
