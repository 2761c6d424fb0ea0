package dev.ttrtc.bridge.view;

import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.view.spi.ElementContext;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an {@code rtc-room} window can be created, answered with the errNo values the
 * platform's rtc-room page documents for {@code binderror}:
 * <ul>
 * <li>21200 {@code rtc-room is not available}: the instance has no RTC (the host runs it
 *     without the RTC module), as a phone where the component does not exist;</li>
 * <li>21301 {@code rtcRoom creation failed}: the window cannot show what was asked — a mode
 *     other than camera, video and screen, no user id, {@code camera} for someone other than
 *     the local user, {@code video}/{@code screen} for the local user, or for a user who is not
 *     in the instance's room (or while it is in none).</li>
 * </ul>
 * 10101 {@code platform auth deny} (the capability whitelist) is never raised: the host grants
 * the capability to every app.
 */
final class RtcRoomCheck {
    static final Set<String> MODES = Set.of("camera", "video", "screen");

    record Problem(int errNo, String errMsg, String why) {
        static Problem creationFailed(String why) {
            return new Problem(21301, "rtcRoom creation failed", why);
        }
    }

    private RtcRoomCheck() {
    }

    /** The problem, or null when the window can show what was asked. */
    static Problem check(ElementContext element, String userId, String mode) {
        if (!MODES.contains(mode)) {
            return Problem.creationFailed("mode \"" + mode + "\" is not camera, video or screen");
        }
        if (userId.isEmpty()) {
            return Problem.creationFailed("needs a user-id");
        }
        Optional<MiniProgramRtc> rtc = element.attachment(MiniProgramRtc.class);
        if (rtc.isEmpty()) {
            return new Problem(21200, "rtc-room is not available", "is not available: this instance runs without RTC");
        }
        RtcRoom room = rtc.get().currentRoom();
        if ("camera".equals(mode)) {
            return room == null || room.userId().value().equals(userId) ? null
                    : Problem.creationFailed("mode camera shows the local user's preview, not " + userId + "'s");
        }
        if (room == null) {
            return Problem.creationFailed(userId + " is not in a room with this mini-program (it is in none)");
        }
        if (room.userId().value().equals(userId)) {
            return Problem.creationFailed("mode " + mode + " shows another member; the local user's preview is mode camera");
        }
        boolean member = room.members().stream().anyMatch((RoomMember m) -> !m.local() && m.userId().value().equals(userId));
        return member ? null : Problem.creationFailed(userId + " is not in room " + room.roomId());
    }
}
