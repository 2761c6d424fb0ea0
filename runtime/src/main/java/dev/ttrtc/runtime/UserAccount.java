package dev.ttrtc.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The simulated Douyin user of an instance, for {@code tt.login}, {@code tt.checkSession},
 * {@code tt.getUserInfo} and {@code tt.getUserProfile}. Immutable; change a copy with the
 * {@code with…} methods. Refusing the profile is {@code LaunchOptions.deny("scope.userInfo")}.
 *
 * @param loggedIn whether the user is logged in to the Douyin app ({@code isLogin})
 * @param acceptsLogin what the user does when {@code tt.login} (force, the default) shows the app's
 *     login box to a logged-out user: log in, or cancel ({@code login:fail host login fail}, errNo 113001)
 * @param hasSession whether the instance starts with a valid session from an earlier
 *     {@code tt.login} ({@code tt.checkSession} succeeds before the first login)
 * @param openId the user's openid, as the developer's server would get it from code2session
 * @param sessionKey the session_key (Base64 of 16 bytes) that signs and encrypts user data
 * @param profile what {@code userInfo} holds
 */
public record UserAccount(boolean loggedIn, boolean acceptsLogin, boolean hasSession, String openId,
        String sessionKey, Profile profile) {

    /** The {@code userInfo} fields the platform documents, in its order. */
    public record Profile(String nickName, String avatarUrl, int gender, String city, String province, String country,
            String language) {
        public Profile {
            Objects.requireNonNull(nickName, "nickName");
            Objects.requireNonNull(avatarUrl, "avatarUrl");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(province, "province");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(language, "language");
            if (gender < 0 || gender > 2) {
                throw new IllegalArgumentException("gender is 0 (unknown), 1 (male) or 2 (female), got " + gender);
            }
        }
    }

    public UserAccount {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(profile, "profile");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Objects.requireNonNull(sessionKey, "sessionKey"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sessionKey must be Base64, got \"" + sessionKey + "\"");
        }
        if (key.length != 16) {
            throw new IllegalArgumentException("sessionKey must be Base64 of 16 bytes (an AES-128 key), got " + key.length + " bytes");
        }
    }

    /** A logged-in user without a session yet, "tt-rtc-host user", openid {@code openid-tt-rtc-host-user}. */
    public static UserAccount defaults() {
        String openId = "openid-tt-rtc-host-user";
        return new UserAccount(true, true, false, openId, sessionKeyFor(openId),
                new Profile("tt-rtc-host user", "", 0, "", "", "", ""));
    }

    /** A stable session_key for an openid (the first 16 bytes of its SHA-256), so a test server can know it. */
    public static String sessionKeyFor(String openId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(openId.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public UserAccount withLoggedIn(boolean value) {
        return new UserAccount(value, acceptsLogin, hasSession, openId, sessionKey, profile);
    }

    public UserAccount withAcceptsLogin(boolean value) {
        return new UserAccount(loggedIn, value, hasSession, openId, sessionKey, profile);
    }

    public UserAccount withSession(boolean value) {
        return new UserAccount(loggedIn, acceptsLogin, value, openId, sessionKey, profile);
    }

    /** Another user: the openid and a session_key derived from it. */
    public UserAccount withOpenId(String value) {
        return new UserAccount(loggedIn, acceptsLogin, hasSession, value, sessionKeyFor(value), profile);
    }

    public UserAccount withSessionKey(String value) {
        return new UserAccount(loggedIn, acceptsLogin, hasSession, openId, value, profile);
    }

    public UserAccount withProfile(Profile value) {
        return new UserAccount(loggedIn, acceptsLogin, hasSession, openId, sessionKey, value);
    }
}
