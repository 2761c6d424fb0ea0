package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import java.util.concurrent.ScheduledFuture;

/** A member of a room. Touched only on the server's actor thread. */
final class Member {
    final String userId;
    final Room room;
    final String sessionId;
    Connection connection;
    boolean visible;
    MediaState state = MediaState.NONE;
    boolean speaking;
    AccessToken token;
    long lastSeenNanos;
    ScheduledFuture<?> tokenWarningTimer;
    ScheduledFuture<?> tokenExpiryTimer;

    Member(String userId, Room room, String sessionId) {
        this.userId = userId;
        this.room = room;
        this.sessionId = sessionId;
    }

    MemberInfo info() {
        return new MemberInfo(userId, state, speaking);
    }

    void cancelTimers() {
        if (tokenWarningTimer != null) {
            tokenWarningTimer.cancel(false);
        }
        if (tokenExpiryTimer != null) {
            tokenExpiryTimer.cancel(false);
        }
    }

    RoomSnapshot.Member snapshot() {
        return new RoomSnapshot.Member(userId, visible, state, speaking, connection != null, token.expireAt());
    }
}
