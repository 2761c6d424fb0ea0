package dev.ttrtc.bridge.signal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.ClientMessage;
import dev.ttrtc.bridge.signal.LeaveReason;
import dev.ttrtc.bridge.signal.MediaState;
import dev.ttrtc.bridge.signal.MemberInfo;
import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.Privilege;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room of one app and its rules: join and resume, the duplicate-login kick, visibility and
 * its caps, publish rights and slots, speaking, relays and the token's moments. Members are kept
 * in join order; events about a visible member reach every other connected member, encoded once;
 * invisible members are never announced.
 *
 * <p>Everything here runs on the room's {@link #strand}. A room left empty retires: the service
 * forgets it, and work that still reaches it is sent to the room that replaces it.
 */
final class Room {
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Told when a room became empty and retired. */
    interface Retirement {
        void retired(Room room);
    }

    final String appId;
    final String roomId;
    final Strand strand;
    private final ServerSettings settings;
    private final TokenTimers timers;
    private final Retirement retirement;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private boolean retired;
    /** Whether some member waits, detached, for the heartbeat timeout (read by the sweep). */
    private volatile boolean hasDetached;

    Room(String appId, String roomId, Strand strand, ServerSettings settings, TokenTimers timers, Retirement retirement) {
        this.appId = appId;
        this.roomId = roomId;
        this.strand = strand;
        this.settings = settings;
        this.timers = timers;
        this.retirement = retirement;
    }

    boolean isRetired() {
        return retired;
    }

    boolean hasDetached() {
        return hasDetached;
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    // ---- join and leave --------------------------------------------------------------------------

    /**
     * Admits {@code c} with a verified token: a new member (kicking an earlier session of the same
     * user), or the earlier session itself when {@code join.resume()} names it.
     */
    void join(Connection c, ClientMessage.Join join, AccessToken token) {
        Member existing = members.get(join.userId());
        checkCapacity(join.userId(), join.visible());
        boolean resumed = existing != null && existing.sessionId.equals(join.resume());
        MemberInfo before = existing == null ? null : existing.info();
        boolean wasVisible = existing != null && existing.visible;
        Member member;
        if (resumed) {
            member = existing;
            Connection stale = member.connection;
            member.detach();
            if (stale != null && stale != c) {
                stale.abort();
            }
        } else {
            member = new Member(join.userId(), this, HexFormat.of().formatHex(RANDOM.generateSeed(12)));
            if (existing != null) {
                kick(existing, RtcError.DUPLICATE_LOGIN, RtcError.DUPLICATE_LOGIN.detail(join.userId(), roomId));
            }
            members.put(member.userId, member);
        }
        member.visible = join.visible();
        member.token = token;
        MediaState kept = resumed ? member.state : MediaState.NONE;
        member.state = member.permitted(new MediaState(join.state().audioCapture(), join.state().videoCapture(),
                kept.audioPublished(), kept.videoPublished(), kept.screenPublished()), nowSeconds());
        member.speaking = member.speaking && member.state.audioPublished();
        member.attach(c);
        c.send(new ServerMessage.Joined(join.id(), member.sessionId, token.effectiveExpireAt(), resumed, visibleMembers()));
        announce(member, wasVisible, before);
        timers.start(member);
    }

    private void checkCapacity(String userId, boolean visible) {
        if (visible && count(userId, true) >= settings.maxVisibleMembers()) {
            throw RtcException.of(RtcError.ROOM_FULL, roomId, settings.maxVisibleMembers());
        }
        if (!visible && count(userId, false) >= settings.maxInvisibleMembers()) {
            throw RtcException.of(RtcError.ROOM_FULL_OF_INVISIBLE, roomId, settings.maxInvisibleMembers());
        }
    }

    /** The member leaves; its connection stays open and may join again. */
    void leave(Member member) {
        member.detach();
        remove(member, LeaveReason.LEFT);
    }

    /** Tells a member's client it is out of the room; the connection stays open. */
    private void kick(Member member, RtcError reason, String message) {
        member.timers.cancel();
        Connection c = member.connection;
        if (c != null) {
            c.send(new ServerMessage.Kicked(reason.code(), reason.wireName(), message));
        }
        member.detach();
        LOG.info("{} kicked from {}/{}: {}", member.userId, appId, roomId, message);
    }

    private void remove(Member member, LeaveReason reason) {
        member.timers.cancel();
        if (!members.remove(member.userId, member)) {
            return;
        }
        if (member.visible) {
            broadcast(new ServerMessage.MemberLeft(member.userId, reason.wireName()), member);
        }
        if (members.isEmpty()) {
            retire();
        }
    }

    /**
     * Retires the room if nobody is in it: after a join that created it was refused, or never
     * ran because its connection closed first (the room would otherwise stay listed for good).
     */
    void retireIfEmpty() {
        if (!retired && members.isEmpty()) {
            retire();
        }
    }

    private void retire() {
        retired = true;
        retirement.retired(this);
    }

    /** The connection is gone; its member stays until the heartbeat timeout, so a quick reconnect resumes. */
    void connectionLost(Connection c) {
        Member member = c.member;
        if (member != null && member.room == this && member.connection == c) {
            member.detach();
            hasDetached = true;
        }
    }

    /** Removes the members whose connection has been gone longer than {@code timeoutNanos}. */
    void sweep(long nowNanos, long timeoutNanos) {
        boolean waiting = false;
        for (Member member : new ArrayList<>(members.values())) {
            if (member.connection == null) {
                if (nowNanos - member.lastSeenNanos > timeoutNanos) {
                    remove(member, LeaveReason.DROPPED);
                } else {
                    waiting = true;
                }
            }
        }
        hasDetached = waiting;
    }

    // ---- what a member changes -------------------------------------------------------------------

    void update(Member member, MediaState next) {
        member.checkMayStart(next, nowSeconds());
        if (!member.state.publishesAnything() && next.publishesAnything()
                && publisherCount(member.userId) >= settings.maxPublishers()) {
            throw RtcException.of(RtcError.PUBLISHER_LIMIT, settings.maxPublishers());
        }
        MemberInfo before = member.info();
        member.state = next;
        member.speaking = member.speaking && next.audioPublished();
        announce(member, member.visible, before);
    }

    void setSpeaking(Member member, boolean speaking) {
        boolean effective = speaking && member.state.audioPublished();
        if (member.speaking != effective) {
            MemberInfo before = member.info();
            member.speaking = effective;
            announce(member, member.visible, before);
        }
    }

    void setVisible(Member member, boolean visible) {
        if (member.visible == visible) {
            return;
        }
        checkCapacity(member.userId, visible);
        MemberInfo before = member.info();
        member.visible = visible;
        if (!visible) {
            member.state = member.state.unpublished();
            member.speaking = false;
        }
        announce(member, !visible, before);
    }

    /** Relays negotiation data to another member; asking for media needs the subscribe privilege. */
    void relay(Member from, ClientMessage.Relay relay) {
        Member target = members.get(relay.to());
        if (target == null || target.connection == null) {
            throw RtcException.of(RtcError.NO_SUCH_MEMBER, relay.to());
        }
        if (target == from) {
            throw RtcException.of(RtcError.SIGNAL_TO_SELF);
        }
        if (asksForMedia(relay.data()) && !from.token.grants(Privilege.SUBSCRIBE_STREAM, nowSeconds())) {
            throw RtcException.of(RtcError.NO_SUBSCRIBE_PRIVILEGE);
        }
        // Re-encoding may grow the data (1e5 is written 100000.0): never send a frame larger
        // than clients accept, or a member could knock the others off the server.
        Frame frame = Frame.of(new ServerMessage.Relayed(from.userId, relay.data()));
        if (frame.size() > MessageCodec.MAX_MESSAGE_BYTES) {
            throw RtcException.of(RtcError.RELAY_TOO_LARGE, frame.size(), MessageCodec.MAX_MESSAGE_BYTES);
        }
        // The sender pays for a flood, not its target: unbounded, it could fill the target's unread bytes and
        // have a member that reads, only more slowly, dropped as too slow.
        if (!from.connection.admitSignal(System.nanoTime(), frame.size())) {
            throw RtcException.of(RtcError.SIGNAL_RATE_LIMITED, settings.maxSignalBytesPerSecond());
        }
        target.connection.send(frame);
    }

    /** A subscribe request of the media negotiation that wants at least one kind of media. */
    private static boolean asksForMedia(JsonNode data) {
        return data.path("media").asText("").equals("subscribe")
                && (data.path("audio").asBoolean(false) || data.path("video").asBoolean(false)
                        || data.path("screen").asBoolean(false));
    }

    // ---- the token's moments ---------------------------------------------------------------------

    /** A verified replacement token: its rights apply at once, and its own timers replace the old. */
    void replaceToken(Member member, AccessToken token) {
        member.token = token;
        enforcePrivileges(member);
        timers.start(member);
    }

    void tokenWillExpire(Member member, AccessToken token) {
        if (isCurrent(member, token) && member.connection != null) {
            member.connection.send(new ServerMessage.TokenWillExpire(token.effectiveExpireAt()));
        }
    }

    void tokenExpired(Member member, AccessToken token) {
        if (isCurrent(member, token)) {
            kick(member, RtcError.TOKEN_EXPIRED, RtcError.TOKEN_EXPIRED.detail());
            remove(member, LeaveReason.KICKED);
        }
    }

    void privilegesExpired(Member member, AccessToken token) {
        if (isCurrent(member, token)) {
            enforcePrivileges(member);
            timers.schedulePrivilegeCheck(member);
        }
    }

    private boolean isCurrent(Member member, AccessToken token) {
        return members.get(member.userId) == member && member.token == token;
    }

    /** Stops whatever the member's token no longer lets it publish; the member and the others are told. */
    private void enforcePrivileges(Member member) {
        MediaState allowed = member.permitted(member.state, nowSeconds());
        if (allowed.equals(member.state)) {
            return;
        }
        MemberInfo before = member.info();
        member.state = allowed;
        member.speaking = member.speaking && allowed.audioPublished();
        if (member.connection != null) {
            RtcError why = RtcError.PUBLISH_PRIVILEGE_ENDED;
            member.connection.send(new ServerMessage.PublishRevoked(why.code(), why.wireName(), why.detail(), allowed));
        }
        announce(member, member.visible, before);
    }

    // ---- telling the others ----------------------------------------------------------------------

    /** Tells the others how a member changed: appeared, disappeared or updated. */
    private void announce(Member member, boolean wasVisible, MemberInfo before) {
        if (wasVisible && !member.visible) {
            broadcast(new ServerMessage.MemberLeft(member.userId, LeaveReason.INVISIBLE.wireName()), member);
        } else if (!wasVisible && member.visible) {
            broadcast(new ServerMessage.MemberJoined(member.info()), member);
        } else if (member.visible && !member.info().equals(before)) {
            broadcast(new ServerMessage.MemberUpdated(member.info()), member);
        }
    }

    /** Sends to every connected member but {@code except}, encoding the message once. */
    private void broadcast(ServerMessage message, Member except) {
        Frame frame = null;
        for (Member m : members.values()) {
            if (m != except && m.connection != null) {
                if (frame == null) {
                    frame = Frame.of(message);
                }
                m.connection.send(frame);
            }
        }
    }

    // ---- counting and inspection -----------------------------------------------------------------

    private int count(String exceptUserId, boolean visible) {
        int n = 0;
        for (Member m : members.values()) {
            if (m.visible == visible && !m.userId.equals(exceptUserId)) {
                n++;
            }
        }
        return n;
    }

    private int publisherCount(String exceptUserId) {
        int n = 0;
        for (Member m : members.values()) {
            if (m.state.publishesAnything() && !m.userId.equals(exceptUserId)) {
                n++;
            }
        }
        return n;
    }

    private List<MemberInfo> visibleMembers() {
        List<MemberInfo> list = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.visible) {
                list.add(m.info());
            }
        }
        return list;
    }

    /** Null once retired. */
    RoomSnapshot snapshot() {
        return retired ? null : new RoomSnapshot(appId, roomId, members.values().stream().map(Member::snapshot).toList());
    }
}
