package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one room of one app, in join order. Events about a visible member reach every
 * other connected member; invisible members are never announced. Actor thread only.
 */
final class Room {
    final String appId;
    final String roomId;
    private final Map<String, Member> members = new LinkedHashMap<>();

    Room(String appId, String roomId) {
        this.appId = appId;
        this.roomId = roomId;
    }

    Member get(String userId) {
        return members.get(userId);
    }

    /** Adds a member at the end, or replaces one of the same id in its place. */
    void put(Member member) {
        members.put(member.userId, member);
    }

    void remove(Member member) {
        members.remove(member.userId, member);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    Collection<Member> members() {
        return members.values();
    }

    int visibleCount(String exceptUserId) {
        return (int) members.values().stream().filter(m -> m.visible && !m.userId.equals(exceptUserId)).count();
    }

    int publisherCount(String exceptUserId) {
        return (int) members.values().stream()
                .filter(m -> m.state.publishesAnything() && !m.userId.equals(exceptUserId)).count();
    }

    List<MemberInfo> visibleMembers() {
        List<MemberInfo> list = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.visible) {
                list.add(m.info());
            }
        }
        return list;
    }

    /** Sends to every connected member but {@code except}. */
    void broadcast(ServerMessage message, Member except) {
        for (Member m : members.values()) {
            if (m != except && m.connection != null) {
                m.connection.send(message);
            }
        }
    }

    RoomSnapshot snapshot() {
        return new RoomSnapshot(appId, roomId, members.values().stream().map(Member::snapshot).toList());
    }
}
