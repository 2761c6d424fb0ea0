package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.MemberState;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.signal.LeaveReason;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remote members of a joined room in join order, kept up to date from the server's messages,
 * turning each change into the matching handler events. Engine thread only.
 */
final class MemberView {
    private final Map<String, MemberInfo> remote = new LinkedHashMap<>();
    // Visible member ids in join order, the local user included while visible.
    private final List<String> order = new ArrayList<>();

    boolean contains(String userId) {
        return remote.containsKey(userId);
    }

    MemberInfo get(String userId) {
        return remote.get(userId);
    }

    /**
     * Takes the server's full list (after a join or a rejoin), announcing whoever left, arrived or
     * changed since the previous list.
     */
    void reset(List<MemberInfo> members, String localUserId, RoomEventHandler handler) {
        Map<String, MemberInfo> next = new LinkedHashMap<>();
        order.clear();
        for (MemberInfo m : members) {
            order.add(m.userId());
            if (!m.userId().equals(localUserId)) {
                next.put(m.userId(), m);
            }
        }
        for (String gone : List.copyOf(remote.keySet())) {
            if (!next.containsKey(gone)) {
                remote.remove(gone);
                handler.onUserLeave(UserId.of(gone), UserLeaveReason.DROPPED);
            }
        }
        for (MemberInfo m : next.values()) {
            MemberInfo previous = remote.put(m.userId(), m);
            if (previous == null) {
                handler.onUserJoined(UserId.of(m.userId()));
                announceChanges(m.userId(), new MemberInfo(m.userId(), MediaState.NONE, false), m, handler);
            } else {
                announceChanges(m.userId(), previous, m, handler);
            }
        }
    }

    void joined(MemberInfo member, RoomEventHandler handler) {
        MemberInfo previous = remote.put(member.userId(), member);
        if (!order.contains(member.userId())) {
            order.add(member.userId());
        }
        if (previous == null) {
            handler.onUserJoined(UserId.of(member.userId()));
            previous = new MemberInfo(member.userId(), MediaState.NONE, false);
        }
        announceChanges(member.userId(), previous, member, handler);
    }

    void updated(MemberInfo member, RoomEventHandler handler) {
        MemberInfo previous = remote.get(member.userId());
        if (previous == null) {
            joined(member, handler);
            return;
        }
        remote.put(member.userId(), member);
        announceChanges(member.userId(), previous, member, handler);
    }

    void left(String userId, LeaveReason reason, RoomEventHandler handler) {
        order.remove(userId);
        if (remote.remove(userId) != null) {
            handler.onUserLeave(UserId.of(userId), userLeaveReason(reason));
        }
    }

    /** Shows or hides the local user in the order (appended when it becomes visible). */
    void setLocalVisible(String localUserId, boolean visible) {
        if (visible && !order.contains(localUserId)) {
            order.add(localUserId);
        } else if (!visible) {
            order.remove(localUserId);
        }
    }

    void clear() {
        remote.clear();
        order.clear();
    }

    List<String> remoteUserIds() {
        return List.copyOf(remote.keySet());
    }

    List<RoomMember> snapshot(String localUserId, MediaState localState, boolean localSpeaking) {
        List<RoomMember> members = new ArrayList<>(order.size());
        for (String userId : order) {
            if (userId.equals(localUserId)) {
                members.add(new RoomMember(UserId.of(userId), true, memberState(localState), localSpeaking));
            } else {
                MemberInfo info = remote.get(userId);
                if (info != null) {
                    members.add(new RoomMember(UserId.of(userId), false, memberState(info.state()), info.speaking()));
                }
            }
        }
        return List.copyOf(members);
    }

    private static UserLeaveReason userLeaveReason(LeaveReason wire) {
        return switch (wire) {
            case LEFT -> UserLeaveReason.LEFT;
            case DROPPED -> UserLeaveReason.DROPPED;
            case INVISIBLE -> UserLeaveReason.INVISIBLE;
            case KICKED -> UserLeaveReason.KICKED;
        };
    }

    /** The engine's view of a member's state as the protocol carries it. */
    private static MemberState memberState(MediaState wire) {
        return new MemberState(wire.audioCapture(), wire.videoCapture(), wire.audioPublished(), wire.videoPublished(),
                wire.screenPublished());
    }

    /** Calls the handler for every flag that differs between two states of one member. */
    static void announceChanges(String wireId, MemberInfo before, MemberInfo after, RoomEventHandler handler) {
        UserId userId = UserId.of(wireId);
        MediaState a = before.state();
        MediaState b = after.state();
        capture(userId, MediaKind.AUDIO, a.audioCapture(), b.audioCapture(), handler);
        capture(userId, MediaKind.VIDEO, a.videoCapture(), b.videoCapture(), handler);
        publish(userId, MediaKind.AUDIO, a.audioPublished(), b.audioPublished(), handler);
        publish(userId, MediaKind.VIDEO, a.videoPublished(), b.videoPublished(), handler);
        publish(userId, MediaKind.SCREEN, a.screenPublished(), b.screenPublished(), handler);
        if (before.speaking() != after.speaking()) {
            handler.onUserSpeakingChanged(userId, after.speaking());
        }
    }

    private static void capture(UserId userId, MediaKind kind, boolean was, boolean is, RoomEventHandler handler) {
        if (was != is) {
            handler.onUserCaptureChanged(userId, kind, is);
        }
    }

    private static void publish(UserId userId, MediaKind kind, boolean was, boolean is, RoomEventHandler handler) {
        if (was != is) {
            if (is) {
                handler.onUserPublishStream(userId, kind);
            } else {
                handler.onUserUnpublishStream(userId, kind);
            }
        }
    }
}
