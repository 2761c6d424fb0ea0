package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.runtime.api.JsEventChannel;
import java.util.List;

/**
 * The four member lists of a room context (members, video members, speakers, screen members):
 * each fires once right after a join with the current list, then only when it changes. Lists are
 * in join order and include the local user while visible. Engine thread only.
 */
final class RoomLists {
    private final JsEventChannel members;
    private final JsEventChannel videoMembers;
    private final JsEventChannel speakers;
    private final JsEventChannel screenMembers;
    private List<String> lastMembers;
    private List<String> lastVideo;
    private List<String> lastSpeakers;
    private List<String> lastScreen;

    RoomLists(JsEventChannel members, JsEventChannel videoMembers, JsEventChannel speakers, JsEventChannel screenMembers) {
        this.members = members;
        this.videoMembers = videoMembers;
        this.speakers = speakers;
        this.screenMembers = screenMembers;
    }

    /** Forgets what was sent, so the next {@link #update} fires every list (after a join). */
    void reset() {
        lastMembers = null;
        lastVideo = null;
        lastSpeakers = null;
        lastScreen = null;
    }

    /** Fires each list that differs from the one last fired. */
    void update(List<RoomMember> room) {
        lastMembers = fire(members, lastMembers, room.stream().map(m -> m.userId().value()).toList());
        lastVideo = fire(videoMembers, lastVideo, ids(room, m -> m.publishes(MediaKind.VIDEO)));
        lastSpeakers = fire(speakers, lastSpeakers, ids(room, RoomMember::speaking));
        lastScreen = fire(screenMembers, lastScreen, ids(room, m -> m.publishes(MediaKind.SCREEN)));
    }

    private static List<String> ids(List<RoomMember> room, java.util.function.Predicate<RoomMember> filter) {
        return room.stream().filter(filter).map(m -> m.userId().value()).toList();
    }

    private static List<String> fire(JsEventChannel channel, List<String> last, List<String> now) {
        if (!now.equals(last)) {
            channel.emit(RtcPayloads.list(channel.eventName(), now));
        }
        return now;
    }
}
