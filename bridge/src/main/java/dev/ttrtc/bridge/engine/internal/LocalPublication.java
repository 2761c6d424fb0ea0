package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.signal.MediaState;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the local participant of one room publishes and shows: its publish flags as the server
 * accepted them, its visibility, the speech detector's verdict, and the choices made before
 * joining (host rule, after the official sample flow: capture, publish, then join — so publish
 * and visibility changes made outside a room are kept and applied when the join completes).
 * Engine thread only; capture comes from the engine.
 */
final class LocalPublication {
    private final Predicate<MediaKind> capturing;
    private MediaState published = MediaState.NONE;
    private boolean visible = true;
    private boolean speaking;
    // Choices made before joining, applied by the next successful join.
    private final Map<MediaKind, Boolean> publishBeforeJoin = new EnumMap<>(MediaKind.class);
    private Boolean visibleBeforeJoin;

    LocalPublication(Predicate<MediaKind> capturing) {
        this.capturing = capturing;
    }

    /** The publish flags the server accepted (capture flags unset). */
    MediaState published() {
        return published;
    }

    void setPublished(MediaState state) {
        published = state;
    }

    boolean visible() {
        return visible;
    }

    void setVisible(boolean show) {
        visible = show;
    }

    boolean speaking() {
        return speaking;
    }

    void setSpeaking(boolean now) {
        speaking = now;
    }

    /** This participant's state as the server and the member list see it: capture and publish flags. */
    MediaState state() {
        return withCapture(published);
    }

    /** {@code flags}' publish flags with the engine's capture flags. */
    MediaState withCapture(MediaState flags) {
        return new MediaState(capturing.test(MediaKind.AUDIO), capturing.test(MediaKind.VIDEO),
                flags.audioPublished(), flags.videoPublished(), flags.screenPublished());
    }

    /** Speaking as others see it: only while visible, captured and published. */
    boolean effectiveSpeaking() {
        return speaking && visible && published.audioPublished() && capturing.test(MediaKind.AUDIO);
    }

    // ---- before joining ---------------------------------------------------------------------------

    /** Publish (or not) {@code kind} once joined; the latest choice per kind wins. */
    void publishBeforeJoin(MediaKind kind, boolean on) {
        publishBeforeJoin.put(kind, on);
    }

    void visibleBeforeJoin(boolean show) {
        visibleBeforeJoin = show;
    }

    /** How a join made with {@code configured} visibility shows this participant. */
    boolean joinVisibility(boolean configured) {
        return visibleBeforeJoin == null ? configured : visibleBeforeJoin;
    }

    /**
     * A join completed (with nothing published yet): what to publish now — each choice made before joining, else with {@code autoPublish} what is
     * captured — and forgets the choices.
     */
    MediaState startJoined(boolean autoPublish) {
        published = MediaState.NONE;
        MediaState target = published;
        for (MediaKind kind : MediaKind.values()) {
            boolean auto = autoPublish && visible && kind != MediaKind.SCREEN && capturing.test(kind);
            target = with(target, kind, publishBeforeJoin.getOrDefault(kind, auto));
        }
        publishBeforeJoin.clear();
        visibleBeforeJoin = null;
        return target;
    }

    /** Forgets the room: nothing published, visible again for the next join. */
    void reset() {
        published = MediaState.NONE;
        visible = true;
    }

    /** {@code state}'s publish flags alone (capture flags unset), as {@link #published()} keeps them. */
    static MediaState publishFlags(MediaState state) {
        return new MediaState(false, false, state.audioPublished(), state.videoPublished(), state.screenPublished());
    }

    static boolean flag(MediaState state, MediaKind kind) {
        return switch (kind) {
            case AUDIO -> state.audioPublished();
            case VIDEO -> state.videoPublished();
            case SCREEN -> state.screenPublished();
        };
    }

    static MediaState with(MediaState state, MediaKind kind, boolean on) {
        return switch (kind) {
            case AUDIO -> state.withAudioPublished(on);
            case VIDEO -> state.withVideoPublished(on);
            case SCREEN -> state.withScreenPublished(on);
        };
    }
}
