package dev.ttrtc.bridge.engine;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.ttrtc.bridge.signal.Ids;

/**
 * The application id an engine's rooms belong to: {@value dev.ttrtc.bridge.signal.AccessToken#APP_ID_LENGTH}
 * characters ({@link Ids#isValidAppId}), checked once here so that the engine never sends one the
 * room server would refuse. Its {@code toString()} and its JSON form are the plain string.
 */
public record AppId(@JsonValue String value) {

    public AppId {
        if (!Ids.isValidAppId(value)) {
            throw new IllegalArgumentException("an app id must be " + Ids.APP_ID_RULE + ", got " + IdText.quote(value));
        }
    }

    /** The app id {@code value}; IllegalArgumentException naming the rule when it breaks it. */
    public static AppId of(String value) {
        return new AppId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
