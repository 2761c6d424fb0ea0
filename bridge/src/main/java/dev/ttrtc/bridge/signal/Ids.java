package dev.ttrtc.bridge.signal;

import java.util.regex.Pattern;

/** The documented rule for room and user ids: 1-128 characters of A-Z a-z 0-9 _ @ - . */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_@\\-.]{1,128}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
