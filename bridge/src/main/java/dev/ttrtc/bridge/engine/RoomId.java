package dev.ttrtc.bridge.engine;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;

/**
 * A room's id: {@value dev.ttrtc.bridge.errors.RtcError#ID_RULE} ({@link Ids#isValid}). Its
 * {@code toString()} and its JSON form are the plain string.
 */
public record RoomId(@JsonValue String value) {

    public RoomId {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException("a room id must be " + RtcError.ID_RULE + ", got " + IdText.quote(value));
        }
    }

    /** The room id {@code value}; IllegalArgumentException naming the rule when it breaks it. */
    public static RoomId of(String value) {
        return new RoomId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
