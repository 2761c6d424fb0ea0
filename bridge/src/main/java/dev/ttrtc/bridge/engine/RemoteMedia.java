package dev.ttrtc.bridge.engine;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What a participant receives from one remote member. Thread-safe. */
public interface RemoteMedia {

    UserId userId();

    /** Statistics: WebRTC's counters plus the sinks' own measurements. */
    CompletableFuture<RemoteMediaStats> stats();

    /** The latest decoded audio, 48 kHz mono, at most {@code length} long (shorter before that much arrived). */
    short[] decodedAudio(Duration length);

    /** The decoded level of the latest 10 ms, in dBov. */
    double audioLevelDbov();

    /** That level as the mini-game's 0–255 volume (-60 dBov and below 0, 0 dBov 255). */
    int audioVolume();

    /** Camera or screen pictures decoded so far: a new picture is there when this grew. */
    long framesDecoded(MediaKind kind);

    /** The latest decoded camera or screen picture. */
    Optional<BufferedImage> latestFrame(MediaKind kind);

    /** When the first decoded audio arrived ({@link System#nanoTime()}), or empty. */
    Optional<Long> firstAudioNanos();

    /**
     * When a peer connection carrying this member's media first reached the "connected" state
     * (ICE and DTLS done; {@link System#nanoTime()}), or empty.
     */
    Optional<Long> connectedNanos();
}
