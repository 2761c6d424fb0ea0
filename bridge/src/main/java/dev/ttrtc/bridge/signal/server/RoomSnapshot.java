package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MediaState;
import java.util.List;

/**
 * A room as the server sees it at one moment, for tools and tests.
 *
 * @param members every member, visible or not, in join order
 */
public record RoomSnapshot(String appId, String roomId, List<Member> members) {

    /**
     * One member; {@code connected} is false while its client is gone but not yet timed out;
     * {@code tokenExpireAt} is its token's expiry (Unix seconds, 0 = never).
     */
    public record Member(String userId, boolean visible, MediaState state, boolean speaking, boolean connected,
            long tokenExpireAt) {
    }
}
