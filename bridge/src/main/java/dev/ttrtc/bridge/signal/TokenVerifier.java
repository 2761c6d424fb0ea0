package dev.ttrtc.bridge.signal;

import java.util.Map;
import java.util.Objects;

/**
 * Every check a "001" token must pass to admit a user: a known appId, its signature with that
 * app's key, the room, the user, and its time (issued no later than a minute from now, not
 * expired, living at most 7 days: an expireAt of 0 ends 7 days after issue).
 */
public final class TokenVerifier {
    /** Clock skew tolerated between the token issuer and this server. */
    static final long ALLOWED_SKEW_SECONDS = 60;

    private final Map<String, String> appKeys;

    /** @param appKeys appId to appKey */
    public TokenVerifier(Map<String, String> appKeys) {
        this.appKeys = Map.copyOf(appKeys);
    }

    public boolean knowsApp(String appId) {
        return appKeys.containsKey(appId);
    }

    /** The verified token, or an exception naming the first check it failed. */
    public AccessToken verify(String token, String appId, String roomId, String userId, long nowSeconds)
            throws InvalidTokenException {
        String claimed = AccessToken.claimedAppId(token);
        if (claimed == null) {
            throw new InvalidTokenException(TokenProblem.MALFORMED);
        }
        if (!Objects.equals(claimed, appId)) {
            throw new InvalidTokenException(TokenProblem.WRONG_APP);
        }
        String key = appKeys.get(appId);
        if (key == null) {
            throw new InvalidTokenException(TokenProblem.UNKNOWN_APP);
        }
        AccessToken parsed = AccessToken.parse(token, key);
        if (!parsed.roomId().equals(roomId)) {
            throw new InvalidTokenException(TokenProblem.WRONG_ROOM);
        }
        if (!parsed.userId().equals(userId)) {
            throw new InvalidTokenException(TokenProblem.WRONG_USER);
        }
        checkTime(parsed, nowSeconds);
        return parsed;
    }

    /** The time checks alone, also used when a member's token is re-checked later. */
    public static void checkTime(AccessToken token, long nowSeconds) throws InvalidTokenException {
        if (token.issuedAt() > nowSeconds + ALLOWED_SKEW_SECONDS) {
            throw new InvalidTokenException(TokenProblem.NOT_YET_VALID);
        }
        if (token.expireAt() - token.issuedAt() > AccessToken.MAX_LIFETIME_SECONDS) {
            throw new InvalidTokenException(TokenProblem.TOO_LONG);
        }
        if (nowSeconds >= token.effectiveExpireAt()) {
            throw new InvalidTokenException(TokenProblem.EXPIRED);
        }
    }
}
