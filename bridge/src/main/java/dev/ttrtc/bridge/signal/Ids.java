package dev.ttrtc.bridge.signal;

import java.util.regex.Pattern;

/**
 * The documented rules for ids: room and user ids ({@link dev.ttrtc.bridge.errors.RtcError#ID_RULE}
 * says it in words) and app ids ({@link #APP_ID_RULE}).
 */
public final class Ids {
    /** The rule for app ids in words. */
    public static final String APP_ID_RULE = AccessToken.APP_ID_LENGTH + " characters";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_@\\-.]{1,128}");

    private Ids() {
    }

    /** A valid room or user id. */
    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** A valid app id: {@link AccessToken#APP_ID_LENGTH} characters, as tokens carry it. */
    public static boolean isValidAppId(String id) {
        return id != null && id.length() == AccessToken.APP_ID_LENGTH;
    }
}
