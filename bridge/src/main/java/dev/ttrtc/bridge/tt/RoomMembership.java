package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.RtcRoom;

/**
 * The room a context is in (or joining), with the user id it joined as. List events start once
 * the join has succeeded ({@link #live}), so the first ones follow the success callback.
 */
final class RoomMembership {
    final RtcRoom room;
    final String userId;
    volatile boolean live;

    RoomMembership(RtcRoom room, String userId) {
        this.room = room;
        this.userId = userId;
    }
}
