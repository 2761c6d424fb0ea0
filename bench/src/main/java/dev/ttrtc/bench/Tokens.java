package dev.ttrtc.bench;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;

/** Tokens of the development app, valid for an hour, with publish rights. */
public final class Tokens {
    private Tokens() {
    }

    public static String of(String roomId, String userId) {
        long now = System.currentTimeMillis() / 1000;
        return AccessToken.issue(DevelopmentApp.APP_ID, roomId, userId, now, 3600, true).serialize(DevelopmentApp.APP_KEY);
    }
}
