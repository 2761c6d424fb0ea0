package dev.ttrtc.bridge.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.errors.RtcException;
import java.util.List;

/** Messages the room server sends to a client. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
    @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.MemberJoined.class, name = "member-joined"),
    @JsonSubTypes.Type(value = ServerMessage.MemberUpdated.class, name = "member-updated"),
    @JsonSubTypes.Type(value = ServerMessage.MemberLeft.class, name = "member-left"),
    @JsonSubTypes.Type(value = ServerMessage.Relayed.class, name = "signal"),
    @JsonSubTypes.Type(value = ServerMessage.TokenWillExpire.class, name = "token-will-expire"),
    @JsonSubTypes.Type(value = ServerMessage.Kicked.class, name = "kicked"),
    @JsonSubTypes.Type(value = ServerMessage.PublishRevoked.class, name = "publish-revoked"),
    @JsonSubTypes.Type(value = ServerMessage.Shutdown.class, name = "shutdown"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
})
public sealed interface ServerMessage {

    /**
     * The answer to a join: the visible members in join order (the joining member included when
     * visible), the session id to resume with, and when the token expires (0 = never).
     */
    record Joined(int id, String sessionId, long tokenExpireAt, boolean resumed, List<MemberInfo> members)
            implements ServerMessage {
    }

    record Ack(int id) implements ServerMessage {
    }

    /** A request failed or a message was refused; {@code id} is 0 when the message had none. */
    record Error(int id, int code, String reason, String message) implements ServerMessage {
        public static Error of(int id, RtcException e) {
            return new Error(id, e.error().code(), e.error().wireName(), e.detail());
        }
    }

    record MemberJoined(MemberInfo member) implements ServerMessage {
    }

    record MemberUpdated(MemberInfo member) implements ServerMessage {
    }

    /** @param reason a {@link LeaveReason} wire name */
    record MemberLeft(String userId, String reason) implements ServerMessage {
    }

    record Relayed(String from, JsonNode data) implements ServerMessage {
    }

    /** Sent 30 s before the token expires (at once when joining with less left). */
    record TokenWillExpire(long expireAt) implements ServerMessage {
    }

    /** The member was removed from its room (duplicate login, token expired); the connection stays. */
    record Kicked(int code, String reason, String message) implements ServerMessage {
    }

    /**
     * The server stopped some of the member's publishing because its token no longer grants it (a
     * publish privilege expired, or {@code update-token} brought a token without it); {@code state}
     * is the member's state now, as the others see it.
     */
    record PublishRevoked(int code, String reason, String message, MediaState state) implements ServerMessage {
    }

    /** The server is stopping; reconnect later. */
    record Shutdown(String message) implements ServerMessage {
    }

    record Pong() implements ServerMessage {
    }
}
