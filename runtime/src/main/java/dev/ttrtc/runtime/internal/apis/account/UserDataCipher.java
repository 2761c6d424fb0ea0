package dev.ttrtc.runtime.internal.apis.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and encrypts user data as the platform's servers do, so that a developer's server can
 * check it with the documented algorithms and the user's session_key: {@code signature =
 * sha1(rawData + session_key)} (hex), {@code encryptedData} = AES-128-CBC with PKCS#7 padding,
 * key {@code Base64_Decode(session_key)}, a fresh random {@code iv}; both Base64.
 */
final class UserDataCipher {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What {@code withCredentials} adds to a payload. */
    record Sealed(String encryptedData, String iv) {
    }

    private UserDataCipher() {
    }

    static String signature(String rawData, String sessionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((rawData + sessionKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    static Sealed encrypt(String plainJson, String sessionKey) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            // Java's PKCS5Padding on AES is PKCS#7 (the platform's docs say so too).
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                    new IvParameterSpec(iv));
            byte[] sealed = cipher.doFinal(plainJson.getBytes(StandardCharsets.UTF_8));
            return new Sealed(Base64.getEncoder().encodeToString(sealed), Base64.getEncoder().encodeToString(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is missing from this JVM", e);
        }
    }

    /** A one-time code as the platform issues them: 24 random bytes, URL-safe Base64. */
    static String newCode() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
