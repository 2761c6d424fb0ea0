package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.media.MediaSession;
import java.util.function.Supplier;

/**
 * The member events {@link MemberView} produces, on their way to a room's handler: each first
 * refreshes the room's member snapshot (so the handler reads the new list) and tells the room's
 * media of arrivals and departures. Engine thread only.
 */
final class MemberEvents implements RoomEventHandler {
    private final RoomEventHandler target;
    private final Runnable refreshSnapshot;
    private final Supplier<MediaSession> media;

    MemberEvents(RoomEventHandler target, Runnable refreshSnapshot, Supplier<MediaSession> media) {
        this.target = target;
        this.refreshSnapshot = refreshSnapshot;
        this.media = media;
    }

    @Override
    public void onUserJoined(UserId id) {
        refreshSnapshot.run();
        MediaSession session = media.get();
        if (session != null) {
            session.remoteAppeared(id.value());
        }
        target.onUserJoined(id);
    }

    @Override
    public void onUserLeave(UserId id, UserLeaveReason reason) {
        refreshSnapshot.run();
        MediaSession session = media.get();
        if (session != null) {
            session.remoteLeft(id.value());
        }
        target.onUserLeave(id, reason);
    }

    @Override
    public void onUserPublishStream(UserId id, MediaKind kind) {
        refreshSnapshot.run();
        target.onUserPublishStream(id, kind);
    }

    @Override
    public void onUserUnpublishStream(UserId id, MediaKind kind) {
        refreshSnapshot.run();
        target.onUserUnpublishStream(id, kind);
    }

    @Override
    public void onUserCaptureChanged(UserId id, MediaKind kind, boolean capturing) {
        refreshSnapshot.run();
        target.onUserCaptureChanged(id, kind, capturing);
    }

    @Override
    public void onUserSpeakingChanged(UserId id, boolean speaking) {
        refreshSnapshot.run();
        target.onUserSpeakingChanged(id, speaking);
    }
}
