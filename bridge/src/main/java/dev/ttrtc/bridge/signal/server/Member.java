package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.Privilege;

/**
 * A member of a room and what its token lets it do. Touched only on its room's strand.
 */
final class Member {
    final String userId;
    final Room room;
    final String sessionId;
    Connection connection;
    boolean visible;
    MediaState state = MediaState.NONE;
    boolean speaking;
    AccessToken token;
    /** While detached: when its connection was last heard from. */
    long lastSeenNanos;
    final TokenTimers.Handle timers = new TokenTimers.Handle();

    Member(String userId, Room room, String sessionId) {
        this.userId = userId;
        this.room = room;
        this.sessionId = sessionId;
    }

    MemberInfo info() {
        return new MemberInfo(userId, state, speaking);
    }

    /** Ties the member and a connection to each other. */
    void attach(Connection c) {
        connection = c;
        c.member = this;
    }

    /** Unties the member from its connection, if any; the connection may join again. */
    void detach() {
        if (connection != null) {
            lastSeenNanos = connection.lastSeenNanos;
            if (connection.member == this) {
                connection.member = null;
            }
            connection = null;
        }
    }

    /**
     * {@code state} without what the token no longer lets this member publish at {@code nowSeconds}:
     * PublishStream grants every kind; otherwise audio needs PublishAudioStream, video and screen
     * PublishVideoStream. Invisible members publish nothing.
     */
    MediaState permitted(MediaState state, long nowSeconds) {
        boolean all = token.grants(Privilege.PUBLISH_STREAM, nowSeconds);
        boolean audio = visible && (all || token.grants(Privilege.PUBLISH_AUDIO_STREAM, nowSeconds));
        boolean video = visible && (all || token.grants(Privilege.PUBLISH_VIDEO_STREAM, nowSeconds));
        return new MediaState(state.audioCapture(), state.videoCapture(), state.audioPublished() && audio,
                state.videoPublished() && video, state.screenPublished() && video);
    }

    /** Refuses a state that starts publishing something the member may not. */
    void checkMayStart(MediaState next, long nowSeconds) {
        boolean starts = (next.audioPublished() && !state.audioPublished())
                || (next.videoPublished() && !state.videoPublished())
                || (next.screenPublished() && !state.screenPublished());
        if (!starts) {
            return;
        }
        if (!visible) {
            throw RtcException.of(RtcError.INVISIBLE_PUBLISHER);
        }
        if (!permitted(next, nowSeconds).equals(next)) {
            throw RtcException.of(RtcError.NO_PUBLISH_PRIVILEGE);
        }
    }

    RoomSnapshot.Member snapshot() {
        return new RoomSnapshot.Member(userId, visible, state, speaking, connection != null, token.effectiveExpireAt());
    }
}
