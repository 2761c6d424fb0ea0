package dev.ttrtc.bridge.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Messages a client sends to the room server. Requests carry an {@code id} that the answer
 * ({@link ServerMessage.Ack}, {@link ServerMessage.Joined} or {@link ServerMessage.Error}) repeats.
 * See the README's protocol section for the order rules.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
    @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ClientMessage.Update.class, name = "update"),
    @JsonSubTypes.Type(value = ClientMessage.Speaking.class, name = "speaking"),
    @JsonSubTypes.Type(value = ClientMessage.Visibility.class, name = "visibility"),
    @JsonSubTypes.Type(value = ClientMessage.UpdateToken.class, name = "update-token"),
    @JsonSubTypes.Type(value = ClientMessage.Relay.class, name = "signal"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
})
public sealed interface ClientMessage {

    /**
     * Joins a room. {@code resume} is the session id of an earlier join that a reconnecting
     * client continues; others then see no leave and join.
     */
    record Join(int id, String appId, String roomId, String userId, String token, boolean visible,
            MediaState state, String resume) implements ClientMessage {
        public Join {
            require(appId, "appId");
            require(roomId, "roomId");
            require(userId, "userId");
            require(token, "token");
            Objects.requireNonNull(state, "state is required");
        }
    }

    /** Leaves the room; the connection stays open and may join again. */
    record Leave(int id) implements ClientMessage {
    }

    /** The member's whole media state; publishing needs the privilege and a free publisher slot. */
    record Update(int id, MediaState state) implements ClientMessage {
        public Update {
            Objects.requireNonNull(state, "state is required");
        }
    }

    /** Whether the member speaks now (from its captured audio level); not answered. */
    record Speaking(boolean speaking) implements ClientMessage {
    }

    /** Shows or hides the member; hidden members may not publish. */
    record Visibility(int id, boolean visible) implements ClientMessage {
    }

    /** Replaces the member's token, for example after a token-will-expire notice. */
    record UpdateToken(int id, String token) implements ClientMessage {
        public UpdateToken {
            require(token, "token");
        }
    }

    /** WebRTC negotiation data for another member of the room, relayed as is. */
    record Relay(String to, JsonNode data) implements ClientMessage {
        public Relay {
            require(to, "to");
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("data must be an object");
            }
        }
    }

    /** Keeps the connection alive; answered with pong. */
    record Ping() implements ClientMessage {
    }

    private static void require(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
