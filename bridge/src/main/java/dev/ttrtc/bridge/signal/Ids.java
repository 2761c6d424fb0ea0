package dev.ttrtc.bridge.signal;

import java.util.regex.Pattern;

/** The documented rule for room and user ids ({@link dev.ttrtc.bridge.errors.RtcError#ID_RULE} says it in words). */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_@\\-.]{1,128}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
