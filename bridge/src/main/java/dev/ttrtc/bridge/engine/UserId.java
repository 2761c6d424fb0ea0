package dev.ttrtc.bridge.engine;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;
import java.util.Optional;

/**
 * A room member's id: {@value dev.ttrtc.bridge.errors.RtcError#ID_RULE} ({@link Ids#isValid}). Its
 * {@code toString()} and its JSON form are the plain string.
 */
public record UserId(@JsonValue String value) {

    public UserId {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException("a user id must be " + RtcError.ID_RULE + ", got " + IdText.quote(value));
        }
    }

    /** The user id {@code value}; IllegalArgumentException naming the rule when it breaks it. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    /** The user id {@code value}, or empty when it breaks the rule (for callers that answer that case themselves). */
    public static Optional<UserId> parse(String value) {
        return Ids.isValid(value) ? Optional.of(new UserId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
