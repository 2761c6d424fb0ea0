package dev.ttrtc.bridge.signal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Volcengine-compatible "001" AccessToken: who may join which room of which app, until when,
 * and whether they may publish.
 *
 * <pre>
 * token = "001" + appId (24 chars) + base64(packBytes(msg) + packBytes(signature))
 * msg   = u32 nonce | u32 issuedAt | u32 expireAt | packString(roomId) | packString(userId) | packMap(privileges)
 * signature = HMAC-SHA256(key = appKey, data = msg)
 * </pre>
 * Little-endian integers; packBytes = u16 length + bytes; packString = packBytes of UTF-8;
 * packMap = u16 count, then (u16 key, u32 expireAt) entries sorted by key. Times are Unix seconds;
 * an expireAt of 0 means never.
 *
 * @param appId the 24-character application id
 * @param roomId the room the token admits to
 * @param userId the user the token admits
 * @param nonce a random number making tokens of the same content differ
 * @param issuedAt when the token was made
 * @param expireAt when the token stops admitting, or 0 for never
 * @param privileges each granted privilege with its own expireAt (0 = never)
 */
public record AccessToken(String appId, String roomId, String userId, long nonce, long issuedAt, long expireAt,
        Map<Privilege, Long> privileges) {
    public static final String VERSION = "001";
    public static final int APP_ID_LENGTH = 24;
    /** Tokens may live at most this long. */
    public static final long MAX_LIFETIME_SECONDS = 7L * 24 * 3600;

    private static final SecureRandom RANDOM = new SecureRandom();

    public AccessToken {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(userId, "userId");
        if (appId.length() != APP_ID_LENGTH) {
            throw new IllegalArgumentException("appId must be " + APP_ID_LENGTH + " characters, got " + appId.length());
        }
        checkU32("nonce", nonce);
        checkU32("issuedAt", issuedAt);
        checkU32("expireAt", expireAt);
        // Not new EnumMap<>(privileges): that refuses an empty map that is not an EnumMap.
        EnumMap<Privilege, Long> copy = new EnumMap<>(Privilege.class);
        copy.putAll(privileges);
        privileges = Collections.unmodifiableMap(copy);
        privileges.values().forEach(v -> checkU32("privilege expireAt", v));
    }

    private static void checkU32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must fit in 32 unsigned bits");
        }
    }

    /**
     * A token issued now for {@code lifetimeSeconds} (0 = never expires) with subscribe, and
     * publish unless {@code canPublish} is false. Publishing also grants audio, video and data.
     */
    public static AccessToken issue(String appId, String roomId, String userId, long nowSeconds,
            long lifetimeSeconds, boolean canPublish) {
        long expireAt = lifetimeSeconds == 0 ? 0 : nowSeconds + lifetimeSeconds;
        Map<Privilege, Long> privileges = new EnumMap<>(Privilege.class);
        privileges.put(Privilege.SUBSCRIBE_STREAM, expireAt);
        if (canPublish) {
            privileges.put(Privilege.PUBLISH_STREAM, expireAt);
            privileges.put(Privilege.PUBLISH_AUDIO_STREAM, expireAt);
            privileges.put(Privilege.PUBLISH_VIDEO_STREAM, expireAt);
            privileges.put(Privilege.PUBLISH_DATA_STREAM, expireAt);
        }
        return new AccessToken(appId, roomId, userId, RANDOM.nextInt() & 0xFFFF_FFFFL, nowSeconds, expireAt, privileges);
    }

    /**
     * When the token stops admitting: its expireAt, or for an expireAt of 0 ("never") the end of
     * the 7 days a token may live.
     */
    public long effectiveExpireAt() {
        return expireAt != 0 ? expireAt : issuedAt + MAX_LIFETIME_SECONDS;
    }

    /**
     * Whether the privilege is granted and not expired at {@code nowSeconds} (an expireAt of 0 is
     * bounded by the token's own {@link #effectiveExpireAt()}).
     */
    public boolean grants(Privilege privilege, long nowSeconds) {
        Long until = privileges.get(privilege);
        return until != null && nowSeconds < (until == 0 ? effectiveExpireAt() : until);
    }

    /**
     * This token with its publish privileges (PublishStream and the audio, video and data ones)
     * ending at {@code publishExpireAt}, earlier than the token itself: its member may stay and
     * subscribe, but the room server stops its publishing then.
     */
    public AccessToken withPublishUntil(long publishExpireAt) {
        Map<Privilege, Long> changed = new EnumMap<>(Privilege.class);
        changed.putAll(privileges);
        for (Privilege p : new Privilege[] {Privilege.PUBLISH_STREAM, Privilege.PUBLISH_AUDIO_STREAM,
                Privilege.PUBLISH_VIDEO_STREAM, Privilege.PUBLISH_DATA_STREAM}) {
            changed.put(p, publishExpireAt);
        }
        return new AccessToken(appId, roomId, userId, nonce, issuedAt, expireAt, changed);
    }

    /** The signed token string. */
    public String serialize(String appKey) {
        byte[] msg = message();
        byte[] signature = sign(appKey, msg);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        packBytes(content, msg);
        packBytes(content, signature);
        return VERSION + appId + Base64.getEncoder().encodeToString(content.toByteArray());
    }

    /** The signed message bytes: nonce, issuedAt, expireAt, roomId, userId, privileges. */
    byte[] message() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putU32(out, nonce);
        putU32(out, issuedAt);
        putU32(out, expireAt);
        packBytes(out, roomId.getBytes(StandardCharsets.UTF_8));
        packBytes(out, userId.getBytes(StandardCharsets.UTF_8));
        TreeMap<Integer, Long> sorted = new TreeMap<>();
        privileges.forEach((p, until) -> sorted.put(p.key(), until));
        putU16(out, sorted.size());
        sorted.forEach((key, until) -> {
            putU16(out, key);
            putU32(out, until);
        });
        return out.toByteArray();
    }

    /**
     * Reads a token and checks its signature with {@code appKey}. Checks of room, user and time
     * are the {@link TokenVerifier}'s.
     *
     * @throws InvalidTokenException when the text is not a well-formed token signed with the key
     */
    public static AccessToken parse(String token, String appKey) throws InvalidTokenException {
        if (token == null || !token.startsWith(VERSION) || token.length() <= VERSION.length() + APP_ID_LENGTH) {
            throw new InvalidTokenException(TokenProblem.MALFORMED);
        }
        String appId = token.substring(VERSION.length(), VERSION.length() + APP_ID_LENGTH);
        byte[] content;
        try {
            content = Base64.getDecoder().decode(token.substring(VERSION.length() + APP_ID_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(TokenProblem.MALFORMED);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
            byte[] msg = readBytes(buffer);
            byte[] signature = readBytes(buffer);
            if (buffer.hasRemaining()) {
                throw new InvalidTokenException(TokenProblem.MALFORMED);
            }
            if (!MessageDigest.isEqual(signature, sign(appKey, msg))) {
                throw new InvalidTokenException(TokenProblem.BAD_SIGNATURE);
            }
            ByteBuffer m = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
            long nonce = Integer.toUnsignedLong(m.getInt());
            long issuedAt = Integer.toUnsignedLong(m.getInt());
            long expireAt = Integer.toUnsignedLong(m.getInt());
            String roomId = new String(readBytes(m), StandardCharsets.UTF_8);
            String userId = new String(readBytes(m), StandardCharsets.UTF_8);
            int count = Short.toUnsignedInt(m.getShort());
            Map<Privilege, Long> privileges = new EnumMap<>(Privilege.class);
            for (int i = 0; i < count; i++) {
                Privilege privilege = Privilege.ofKey(Short.toUnsignedInt(m.getShort()));
                long until = Integer.toUnsignedLong(m.getInt());
                if (privilege != null) {
                    privileges.put(privilege, until);
                }
            }
            if (m.hasRemaining()) {
                throw new InvalidTokenException(TokenProblem.MALFORMED);
            }
            return new AccessToken(appId, roomId, userId, nonce, issuedAt, expireAt, privileges);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new InvalidTokenException(TokenProblem.MALFORMED);
        }
    }

    /** The appId a token claims, without checking anything else; null when it is not a "001" token. */
    public static String claimedAppId(String token) {
        if (token == null || !token.startsWith(VERSION) || token.length() < VERSION.length() + APP_ID_LENGTH) {
            return null;
        }
        return token.substring(VERSION.length(), VERSION.length() + APP_ID_LENGTH);
    }

    private static byte[] sign(String appKey, byte[] msg) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] readBytes(ByteBuffer buffer) {
        int length = Short.toUnsignedInt(buffer.getShort());
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static void packBytes(ByteArrayOutputStream out, byte[] bytes) {
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("field longer than 65535 bytes");
        }
        putU16(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void putU16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void putU32(ByteArrayOutputStream out, long value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }
}
