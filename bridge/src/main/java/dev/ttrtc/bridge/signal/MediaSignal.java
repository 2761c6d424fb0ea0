package dev.ttrtc.bridge.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The media negotiation between two members, carried in the {@code data} of
 * {@link ClientMessage.Relay} and {@link ServerMessage.Relayed} (the room server relays it without
 * reading it): {@code {"media": "<kind>", "sid": "<sender's media session>", …}}. A subscriber asks
 * a publisher with {@link Subscribe}; the publisher offers, the subscriber answers, both send
 * candidates; {@link Bye} ends a session. {@code to} is the session a message is meant for, so that
 * messages of an earlier session are ignored. {@link MessageCodec#writeMedia} and
 * {@link MessageCodec#readMedia} encode them, as strictly as the rest of the protocol.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "media")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MediaSignal.Subscribe.class, name = "subscribe"),
    @JsonSubTypes.Type(value = MediaSignal.Offer.class, name = "offer"),
    @JsonSubTypes.Type(value = MediaSignal.Answer.class, name = "answer"),
    @JsonSubTypes.Type(value = MediaSignal.Candidate.class, name = "candidate"),
    @JsonSubTypes.Type(value = MediaSignal.Bye.class, name = "bye"),
})
public sealed interface MediaSignal {

    /** The sender's media session id. */
    String sid();

    /** Which of the publisher's streams the subscriber wants; {@code restart} asks for a fresh connection. */
    record Subscribe(String sid, boolean audio, boolean video, boolean screen, boolean restart) implements MediaSignal {
    }

    record Offer(String sid, String to, String sdp) implements MediaSignal {
    }

    record Answer(String sid, String to, String sdp) implements MediaSignal {
    }

    /**
     * An ICE candidate of one link; {@code leg} is the side it belongs to ({@code "publisher"} for
     * the publisher's end, {@code "subscriber"} for the subscriber's).
     */
    record Candidate(String sid, String to, String leg, String mid, int index, String candidate) implements MediaSignal {
        public static final String PUBLISHER = "publisher";
        public static final String SUBSCRIBER = "subscriber";
    }

    record Bye(String sid) implements MediaSignal {
    }
}
