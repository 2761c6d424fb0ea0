package dev.ttrtc.reliability.server;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The generated corpus of bad frames, each with the answer the README promises for it. Messages
 * are rendered by hand from raw JSON values, so that a field can hold anything: a wrong type, a
 * number no parser can hold, a repeated key.
 */
final class BadFrames {
    static final String DEV = DevelopmentApp.APP_ID;
    static final String DEV_KEY = DevelopmentApp.APP_KEY;
    static final String APP_B = "b0b0b0b0b0b0b0b0b0b0b0b0";
    static final String APP_B_KEY = "key-of-app-b";
    static final String UNKNOWN_APP = "c1c1c1c1c1c1c1c1c1c1c1c1";
    /** The healthy rooms: the same room id in two apps. */
    static final String CALM = "calm";
    /** The user forged and replayed tokens try to smuggle into the healthy room. */
    static final String INTRUDER = "mallory";

    static final int MALFORMED = 40001;
    static final int VERSION = 40002;
    static final int UNKNOWN_TYPE = 40003;
    static final int TOO_LARGE = 40004;
    static final int OUT_OF_ORDER = 40005;
    static final int NO_SUCH_MEMBER = 40006;
    static final int INVALID_TOKEN = 21101;
    static final int PARAMETER = 20000;

    /** Where the attacking connection stands when it sends the frame. */
    enum Setup {
        /** Connected, never joined. */
        FRESH,
        /** A member of its own room ({@link #room}, user {@link #user}). */
        JOINED,
        /** Joined, then left. */
        LEFT,
        /** Joined, then kicked by a second login of the same user. */
        KICKED
    }

    enum Shape { TEXT, FRAGMENTED, BINARY }

    /**
     * One bad frame.
     *
     * @param error the error frame's code it must earn (0: none)
     * @param close the close code that must follow (0: the connection stays open)
     */
    record Frame(String category, String label, Setup setup, Shape shape, byte[] payload, int error, int close) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = shape == Shape.BINARY ? payload.length + " binary bytes" : text();
            return category + " / " + label + " [" + setup + "]: "
                    + (text.length() > 160 ? text.substring(0, 160) + "… (" + payload.length + " bytes)" : text);
        }
    }

    private final List<Frame> frames = new ArrayList<>();
    private final long now = System.currentTimeMillis() / 1000;
    private int userCount;

    /** The attacker's room and user for a JOINED, LEFT or KICKED connection number {@code n}. */
    static String room(int n) {
        return "lair-" + n % 8;
    }

    static String user(int n) {
        return "attacker-" + n;
    }

    static String token(String appId, String key, String room, String user, long issuedAt, long lifetime) {
        return AccessToken.issue(appId, room, user, issuedAt, lifetime, true).serialize(key);
    }

    String token(String room, String user) {
        return token(DEV, DEV_KEY, room, user, now, 3600);
    }

    // ---- rendering --------------------------------------------------------------------------------

    static final String STATE = "{\"audioCapture\":false,\"videoCapture\":false,\"audioPublished\":false,"
            + "\"videoPublished\":false,\"screenPublished\":false}";
    static final String PUBLISHING = "{\"audioCapture\":true,\"videoCapture\":true,\"audioPublished\":true,"
            + "\"videoPublished\":true,\"screenPublished\":false}";

    /** A message as ordered raw JSON fields. */
    static final class Msg {
        final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

        Msg put(String key, String raw) {
            fields.put(key, raw);
            return this;
        }

        Msg copy() {
            Msg m = new Msg();
            m.fields.putAll(fields);
            return m;
        }

        Msg without(String key) {
            Msg m = copy();
            m.fields.remove(key);
            return m;
        }

        Msg with(String key, String raw) {
            return copy().put(key, raw);
        }

        String render() {
            return fields.entrySet().stream().map(e -> q(e.getKey()) + ":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }
    }

    static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static Msg msg(String type) {
        return new Msg().put("v", "1").put("type", q(type));
    }

    Msg join(String appId, String room, String user, String token) {
        return msg("join").put("id", "7").put("appId", q(appId)).put("roomId", q(room)).put("userId", q(user))
                .put("token", q(token)).put("visible", "true").put("state", STATE).put("resume", "null");
    }

    /** A valid join of a fresh attacker user into its own room: only the mutation makes it bad. */
    Msg freshJoin() {
        String user = "w" + userCount++;
        return join(DEV, "lair-w", user, token("lair-w", user));
    }

    /** A join of the intruder into the healthy room of the development app with this token. */
    Msg intruderJoin(String token) {
        return join(DEV, CALM, INTRUDER, token);
    }

    /** Valid messages of every type a client sends (join for a FRESH connection, the rest for a joined one). */
    Map<String, Msg> validOfEveryType() {
        Map<String, Msg> all = new LinkedHashMap<>();
        all.put("join", freshJoin());
        all.put("leave", msg("leave").put("id", "7"));
        all.put("update", msg("update").put("id", "7").put("state", PUBLISHING));
        all.put("speaking", msg("speaking").put("speaking", "true"));
        all.put("visibility", msg("visibility").put("id", "7").put("visible", "false"));
        all.put("update-token", msg("update-token").put("id", "7").put("token", q("placeholder")));
        all.put("signal", msg("signal").put("to", q("alice")).put("data", "{\"media\":\"offer\",\"sdp\":\"v=0\"}"));
        all.put("ping", msg("ping"));
        return all;
    }

    private void add(String category, String label, Setup setup, String text, int error) {
        frames.add(new Frame(category, label, setup, Shape.TEXT, text.getBytes(StandardCharsets.UTF_8), error, 0));
    }

    private void add(String category, String label, Setup setup, Shape shape, byte[] payload, int error, int close) {
        frames.add(new Frame(category, label, setup, shape, payload, error, close));
    }

    // ---- the corpus ---------------------------------------------------------------------------------

    static List<Frame> all() {
        BadFrames corpus = new BadFrames();
        corpus.malformedJson();
        corpus.binaryFrames();
        corpus.wrongTypesMissingAndExtraFields();
        corpus.wrongVersions();
        corpus.unknownTypes();
        corpus.oversized();
        corpus.outOfOrder();
        corpus.badIds();
        corpus.replayedTokens();
        corpus.forgedTokens();
        corpus.misdirectedRelays();
        return corpus.frames;
    }

    private void malformedJson() {
        String c = "malformed JSON";
        // Every strict prefix of a message of each shape is unfinished JSON.
        for (String whole : List.of(msg("ping").render(), msg("leave").put("id", "7").render(),
                msg("update").put("id", "7").put("state", PUBLISHING).render(), freshJoin().render())) {
            for (int end = 0; end < whole.length(); end++) {
                add(c, "truncated at " + end, Setup.FRESH, whole.substring(0, end), MALFORMED);
            }
        }
        // Wrong nesting: every structural bracket swapped for the other kind, every structural
        // character dropped.
        String update = msg("update").put("id", "7").put("state", PUBLISHING).render();
        boolean inString = false;
        for (int i = 0; i < update.length(); i++) {
            char ch = update.charAt(i);
            if (ch == '"') {
                inString = !inString;
            }
            String swapped = switch (ch) {
                case '{' -> "[";
                case '}' -> "]";
                default -> null;
            };
            if (!inString && swapped != null) {
                add(c, "bracket " + i + " swapped", Setup.FRESH, update.substring(0, i) + swapped + update.substring(i + 1), MALFORMED);
            }
            if (ch == '"' || (!inString && "{}:,".indexOf(ch) >= 0)) {
                add(c, "character " + i + " dropped", Setup.FRESH, update.substring(0, i) + update.substring(i + 1), MALFORMED);
            }
        }
        String ping = msg("ping").render();
        String[][] cases = {
            {"not JSON", "{not json"},
            {"empty", ""},
            {"blank", "   "},
            {"null", "null"},
            {"true", "true"},
            {"number", "1"},
            {"huge number", "1e400"},
            {"string", "\"" + ping.replace("\"", "\\\"") + "\""},
            {"array", "[]"},
            {"message in an array", "[" + ping + "]"},
            {"two messages", ping + ping},
            {"two messages with a space", ping + " " + ping},
            {"trailing garbage", ping + "garbage"},
            {"closing brace twice", ping + "}"},
            {"bracket mismatch", "{\"v\":1,\"type\":\"ping\"]"},
            {"nested object as key", "{{\"v\":1}:1}"},
            {"comment", "{\"v\":1,/* c */\"type\":\"ping\"}"},
            {"line comment", "{\"v\":1,\"type\":\"ping\"}// c"},
            {"single quotes", "{'v':1,'type':'ping'}"},
            {"unquoted keys", "{v:1,type:\"ping\"}"},
            {"trailing comma", "{\"v\":1,\"type\":\"ping\",}"},
            {"NaN", "{\"v\":NaN,\"type\":\"ping\"}"},
            {"Infinity", "{\"v\":Infinity,\"type\":\"ping\"}"},
            {"leading zero", "{\"v\":01,\"type\":\"ping\"}"},
            {"plus sign", "{\"v\":+1,\"type\":\"ping\"}"},
            {"hex number", "{\"v\":0x1,\"type\":\"ping\"}"},
            {"byte order mark", "\uFEFF" + ping},
            {"raw control character", "{\"v\":1,\"type\":\"pi\u0001ng\"}"},
            {"raw newline in a string", "{\"v\":1,\"type\":\"pi\nng\"}"},
            {"bad escape", "{\"v\":1,\"type\":\"pi\\xng\"}"},
            {"short unicode escape", "{\"v\":1,\"type\":\"pi\\u12\"}"},
            {"unterminated string", "{\"v\":1,\"type\":\"ping}"},
            {"duplicate v", "{\"v\":1,\"v\":1,\"type\":\"ping\"}"},
            {"duplicate v, second wrong", "{\"v\":1,\"v\":2,\"type\":\"ping\"}"},
            {"duplicate type", "{\"v\":1,\"type\":\"ping\",\"type\":\"leave\"}"},
            {"duplicate id", "{\"v\":1,\"type\":\"leave\",\"id\":1,\"id\":2}"},
            {"duplicate state flag", "{\"v\":1,\"type\":\"update\",\"id\":1,\"state\":{\"audioCapture\":false,\"audioCapture\":true,"
                + "\"videoCapture\":false,\"audioPublished\":false,\"videoPublished\":false,\"screenPublished\":false}}"},
            {"1001-digit number", "{\"v\":1" + "0".repeat(1000) + ",\"type\":\"ping\"}"},
            {"5000-digit id", "{\"v\":1,\"type\":\"leave\",\"id\":" + "9".repeat(5000) + "}"},
            {"huge exponent id", "{\"v\":1,\"type\":\"leave\",\"id\":1e400}"},
            {"id beyond int", "{\"v\":1,\"type\":\"leave\",\"id\":99999999999999999999}"},
            {"10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)},
            {"10000 nested arrays, unclosed", "[".repeat(10_000)},
            {"10000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)},
            {"10000 nested arrays in a field", "{\"v\":1,\"type\":\"ping\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"},
            {"10000 nested arrays as v", "{\"v\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"type\":\"ping\"}"},
            {"10000 nested objects in signal data", "{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":"
                + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"},
            {"1001 nested objects in signal data", "{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":"
                + "{\"a\":".repeat(1001) + "1" + "}".repeat(1001) + "}"},
        };
        for (String[] k : cases) {
            add(c, k[0], Setup.FRESH, k[1], MALFORMED);
        }
        // The same in a joined connection, where a slip of the parser would change room state.
        add(c, "10000 nested objects in signal data (joined)", Setup.JOINED,
                "{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
                MALFORMED);
        add(c, "duplicate speaking (joined)", Setup.JOINED, "{\"v\":1,\"type\":\"speaking\",\"speaking\":false,\"speaking\":true}", MALFORMED);
        // Fragmented: the parts of a message split across WebSocket continuation frames.
        frames.add(new Frame(c, "truncated join in fragments", Setup.FRESH, Shape.FRAGMENTED,
                freshJoin().render().substring(0, 120).getBytes(StandardCharsets.UTF_8), MALFORMED, 0));
    }

    private void binaryFrames() {
        String c = "binary frames";
        byte[][] payloads = {
            {},
            msg("ping").render().getBytes(StandardCharsets.UTF_8),
            freshJoin().render().getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC3, 0x28},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF, (byte) 0xFE},
            {'{', '"', 'v', '"', ':', '1', (byte) 0xE2, (byte) 0x82},
        };
        for (int i = 0; i < payloads.length; i++) {
            add(c, "payload " + i, Setup.FRESH, Shape.BINARY, payloads[i], MALFORMED, 0);
        }
        java.util.Random random = new java.util.Random(42);
        for (int size : new int[] {1, 7, 100, 1000, 65_536, 100_000, 1 << 20}) {
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            add(c, size + " random bytes", Setup.FRESH, Shape.BINARY, noise, MALFORMED, 0);
        }
        add(c, "binary frame while joined", Setup.JOINED, Shape.BINARY, msg("leave").put("id", "7").render().getBytes(StandardCharsets.UTF_8),
                MALFORMED, 0);
        // Beyond the hard limit Undertow closes with 1009 (message too big) without an error frame.
        add(c, "2 MB binary", Setup.FRESH, Shape.BINARY, new byte[2 << 20], 0, 1009);
    }

    private static final String[] NOT_INTS = {"\"7\"", "\"seven\"", "7.0", "7.5", "7e0", "true", "false", "null", "[]", "[7]",
        "{}", "1e400", "2147483648", "-2147483649", "99999999999999999999"};
    private static final String[] NOT_BOOLEANS = {"\"true\"", "\"false\"", "1", "0", "1.0", "null", "[]", "[true]", "{}", "\"yes\""};
    private static final String[] NOT_STRINGS = {"1", "0", "1.5", "true", "false", "[]", "[\"x\"]", "{}", "{\"s\":\"x\"}", "null"};
    private static final String[] NOT_OBJECTS = {"\"x\"", "1", "true", "[]", "[{}]", "null"};
    private static final String[] STATE_FLAGS = {"audioCapture", "videoCapture", "audioPublished", "videoPublished", "screenPublished"};

    private void wrongTypesMissingAndExtraFields() {
        Map<String, Msg> valid = validOfEveryType();
        for (Map.Entry<String, Msg> entry : valid.entrySet()) {
            String type = entry.getKey();
            Setup setup = type.equals("join") ? Setup.FRESH : Setup.JOINED;
            Msg base = entry.getValue();
            String c = "wrong field types";
            for (String field : base.fields.keySet()) {
                String[] wrong = switch (field) {
                    case "v", "type" -> new String[0];
                    case "id" -> NOT_INTS;
                    case "visible", "speaking" -> NOT_BOOLEANS;
                    case "state" -> NOT_OBJECTS;
                    case "data" -> NOT_OBJECTS;
                    case "resume" -> Arrays.stream(NOT_STRINGS).filter(v -> !v.equals("null")).toArray(String[]::new);
                    default -> NOT_STRINGS;
                };
                for (String value : wrong) {
                    Msg m = type.equals("join") ? freshJoin() : base;
                    add(c, type + "." + field + " = " + value, setup, m.with(field, value).render(), MALFORMED);
                }
                if (field.equals("state")) {
                    for (String flag : STATE_FLAGS) {
                        for (String value : NOT_BOOLEANS) {
                            Msg m = type.equals("join") ? freshJoin() : base;
                            add(c, type + ".state." + flag + " = " + value, setup,
                                    m.with("state", STATE.replace("\"" + flag + "\":false", "\"" + flag + "\":" + value)).render(), MALFORMED);
                        }
                        Msg m = type.equals("join") ? freshJoin() : base;
                        add("missing fields", type + ".state without " + flag, setup,
                                m.with("state", STATE.replace("\"" + flag + "\":false", "\"x\":false")
                                        .replace("{\"x\":false,", "{").replace(",\"x\":false", "")).render(), MALFORMED);
                    }
                    Msg m = type.equals("join") ? freshJoin() : base;
                    add("extra fields", type + ".state with an extra flag", setup,
                            m.with("state", STATE.replace("}", ",\"microphone\":true}")).render(), MALFORMED);
                }
            }
            for (String field : base.fields.keySet()) {
                Msg m = type.equals("join") ? freshJoin() : base;
                add("missing fields", type + " without " + field, setup, m.without(field).render(), MALFORMED);
            }
            for (String[] extra : new String[][] {{"extra", "1"}, {"ID", "7"}, {"from", "\"alice\""}, {"Type", "\"ping\""},
                    {"sessionId", "\"x\""}}) {
                if (base.fields.containsKey(extra[0])) {
                    continue;
                }
                Msg m = type.equals("join") ? freshJoin() : base;
                add("extra fields", type + " with " + extra[0], setup, m.with(extra[0], extra[1]).render(), MALFORMED);
            }
        }
    }

    private void wrongVersions() {
        for (Map.Entry<String, Msg> entry : validOfEveryType().entrySet()) {
            for (String v : new String[] {"0", "2", "-1", "-0", "1.0", "1.5", "\"1\"", "null", "true", "[1]", "{}", "1e400",
                    "4294967297", "99999999999999999999"}) {
                add("wrong protocol version", entry.getKey() + " with v = " + v, Setup.FRESH, entry.getValue().with("v", v).render(), VERSION);
            }
        }
    }

    private void unknownTypes() {
        String c = "unknown types";
        String[] types = {"teleport", "", " ", "JOIN", "Join", "join ", " join", "join\u0000", "joined", "ack", "error",
            "member-joined", "member-updated", "member-left", "token-will-expire", "kicked", "shutdown", "pong", "subscribe",
            "offer", "relay", "update_token", "updateToken", "signal2", "pingping", "ping ", "\u0440ing", "t".repeat(60_000)};
        for (String type : types) {
            String label = type.length() > 20 ? type.length() + "-character type" : "type " + q(type);
            add(c, label, Setup.FRESH, msg("ping").with("type", q(type)).render(), UNKNOWN_TYPE);
            add(c, label + " (joined)", Setup.JOINED, msg("ping").with("type", q(type)).put("id", "7").render(), UNKNOWN_TYPE);
        }
        for (String type : new String[] {"5", "null", "true", "[]", "{}", "[\"join\"]", "1e400"}) {
            add(c, "type = " + type, Setup.FRESH, msg("ping").with("type", type).render(), MALFORMED);
        }
    }

    /** A ping padded with an (unknown) field to exactly {@code bytes} UTF-8 bytes with characters of {@code unit}. */
    static String paddedPing(int bytes, String unit) {
        String head = "{\"v\":1,\"type\":\"ping\",\"x\":\"";
        String tail = "\"}";
        int room = bytes - head.length() - tail.length();
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        return head + unit.repeat(room / unitBytes) + "a".repeat(room % unitBytes) + tail;
    }

    private void oversized() {
        String c = "oversized frames";
        // At the limit the frame is read (and refused for its unknown field); one byte more is too large.
        add(c, "exactly 64 KiB", Setup.FRESH, paddedPing(65_536, "a"), MALFORMED);
        for (int bytes : new int[] {65_537, 70_000, 100_000, 500_000, 1 << 20}) {
            add(c, bytes + " bytes", Setup.FRESH, paddedPing(bytes, "a"), TOO_LARGE);
        }
        add(c, "66000 bytes in 22000 three-byte characters", Setup.FRESH, paddedPing(66_000, "€"), TOO_LARGE);
        add(c, "68000 bytes in 17000 four-byte characters", Setup.FRESH, paddedPing(68_000, "\uD83D\uDE00"), TOO_LARGE);
        add(c, "100 KB while joined", Setup.JOINED, paddedPing(100_000, "a"), TOO_LARGE);
        add(c, "70 KB signal while joined", Setup.JOINED, "{\"v\":1,\"type\":\"signal\",\"to\":\"alice\",\"data\":{\"sdp\":\""
                + "a".repeat(70_000) + "\"}}", TOO_LARGE);
        frames.add(new Frame(c, "100 KB in fragments", Setup.FRESH, Shape.FRAGMENTED,
                paddedPing(100_000, "a").getBytes(StandardCharsets.UTF_8), TOO_LARGE, 0));
        // Beyond 16 x 64 KiB the server stops reading: an error frame, then close 1009.
        for (int bytes : new int[] {(1 << 20) + 1, 2 << 20, 5 << 20}) {
            add(c, bytes + " bytes", Setup.FRESH, Shape.TEXT, paddedPing(bytes, "a").getBytes(StandardCharsets.UTF_8), TOO_LARGE, 1009);
        }
        add(c, "3 MB in fragments", Setup.FRESH, Shape.FRAGMENTED, paddedPing(3 << 20, "a").getBytes(StandardCharsets.UTF_8),
                TOO_LARGE, 1009);
        add(c, "2 MB while joined", Setup.JOINED, Shape.TEXT, paddedPing(2 << 20, "a").getBytes(StandardCharsets.UTF_8), TOO_LARGE, 1009);
    }

    private void outOfOrder() {
        String c = "out-of-order frames";
        Map<String, Msg> valid = validOfEveryType();
        valid.put("update-token", msg("update-token").put("id", "7").put("token", q(token(CALM, INTRUDER))));
        for (Map.Entry<String, Msg> entry : valid.entrySet()) {
            String type = entry.getKey();
            if (type.equals("join") || type.equals("ping")) {
                continue;
            }
            for (Setup setup : new Setup[] {Setup.FRESH, Setup.LEFT, Setup.KICKED}) {
                add(c, type + " " + switch (setup) {
                    case FRESH -> "before join";
                    case LEFT -> "after leave";
                    default -> "after being kicked";
                }, setup, entry.getValue().render(), OUT_OF_ORDER);
            }
        }
        add(c, "signal to a healthy member before join", Setup.FRESH, msg("signal").put("to", q("alice")).put("data", "{}").render(), OUT_OF_ORDER);
        add(c, "publishing update before join", Setup.FRESH, msg("update").put("id", "7").put("state", PUBLISHING).render(), OUT_OF_ORDER);
        // A second join is refused whatever it asks for, even into a healthy room with a valid token.
        add(c, "second join into the healthy room with a valid token", Setup.JOINED,
                join(DEV, CALM, INTRUDER, token(CALM, INTRUDER)).render(), OUT_OF_ORDER);
        add(c, "second join into the other app's healthy room", Setup.JOINED,
                join(APP_B, CALM, INTRUDER, token(APP_B, APP_B_KEY, CALM, INTRUDER, now, 3600)).render(), OUT_OF_ORDER);
        add(c, "second join as a healthy member", Setup.JOINED, join(DEV, CALM, "alice", token(CALM, "alice")).render(), OUT_OF_ORDER);
        add(c, "second join resuming a made-up session", Setup.JOINED,
                freshJoin().with("resume", q("0123456789abcdef01234567")).render(), OUT_OF_ORDER);
    }

    private void badIds() {
        for (String id : new String[] {"", " ", "a b", "a/b", "a\\b", "x".repeat(129), "\u043a\u043b\u044e\u0447", "a\u0000", "a\nb",
            "calm\u200b", "<script>"}) {
            String label = id.length() > 20 ? id.length() + " characters" : q(id);
            add("bad ids", "roomId " + label, Setup.FRESH, join(DEV, id, INTRUDER, token(CALM, INTRUDER)).render(), PARAMETER);
            add("bad ids", "userId " + label, Setup.FRESH, join(DEV, CALM, id, token(CALM, INTRUDER)).render(), PARAMETER);
        }
    }

    private void replayedTokens() {
        String c = "replayed tokens";
        String alices = token(CALM, "alice");
        String[][] cases = {
            {"another user's token (alice's)", alices},
            {"another room's token", token("elsewhere", INTRUDER)},
            {"the other app's token for the same room and user", token(APP_B, APP_B_KEY, CALM, INTRUDER, now, 3600)},
            {"an unknown app's token", token(UNKNOWN_APP, "whatever", CALM, INTRUDER, now, 3600)},
            {"expired 10 s after issue, 1000 s ago", token(DEV, DEV_KEY, CALM, INTRUDER, now - 1010, 10)},
            {"expired a second ago", token(DEV, DEV_KEY, CALM, INTRUDER, now - 61, 60)},
            {"expired a week ago", token(DEV, DEV_KEY, CALM, INTRUDER, now - 8 * 86_400, 86_400)},
            {"issued an hour in the future", token(DEV, DEV_KEY, CALM, INTRUDER, now + 3600, 600)},
            {"living 8 days", token(DEV, DEV_KEY, CALM, INTRUDER, now, 8 * 86_400)},
        };
        for (String[] k : cases) {
            add(c, k[0], Setup.FRESH, intruderJoin(k[1]).render(), INVALID_TOKEN);
        }
        add(c, "the development app's token joining the other app", Setup.FRESH,
                join(APP_B, CALM, INTRUDER, token(CALM, INTRUDER)).render(), INVALID_TOKEN);
        add(c, "an unknown app's own token", Setup.FRESH,
                join(UNKNOWN_APP, CALM, INTRUDER, token(UNKNOWN_APP, "whatever", CALM, INTRUDER, now, 3600)).render(), INVALID_TOKEN);
        add(c, "alice's token joining as alice in the other app", Setup.FRESH, join(APP_B, CALM, "alice", alices).render(), INVALID_TOKEN);
        // update-token from a joined attacker: a replayed token must not replace its own.
        for (String[] k : cases) {
            add(c, "update-token with " + k[0], Setup.JOINED,
                    msg("update-token").put("id", "7").put("token", q(k[1])).render(), INVALID_TOKEN);
        }
    }

    /** The bytes inside a token after "001" + appId. */
    static byte[] content(String token) {
        return Base64.getDecoder().decode(token.substring(3 + AccessToken.APP_ID_LENGTH));
    }

    static String withContent(String token, byte[] content) {
        return token.substring(0, 3 + AccessToken.APP_ID_LENGTH) + Base64.getEncoder().encodeToString(content);
    }

    private void forgedTokens() {
        String c = "forged tokens";
        String genuine = token(CALM, INTRUDER);
        byte[] content = content(genuine);
        int msgLength = (content[0] & 0xFF) | (content[1] & 0xFF) << 8;
        int signatureStart = 2 + msgLength + 2;
        // Every single-bit flip of the 32-byte signature, and each signature byte inverted.
        for (int i = signatureStart; i < content.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] forged = content.clone();
                forged[i] ^= (byte) (1 << bit);
                add(c, "signature byte " + (i - signatureStart) + " bit " + bit, Setup.FRESH, intruderJoin(withContent(genuine, forged)).render(),
                        INVALID_TOKEN);
            }
            byte[] forged = content.clone();
            forged[i] ^= (byte) 0xFF;
            add(c, "signature byte " + (i - signatureStart) + " inverted", Setup.FRESH, intruderJoin(withContent(genuine, forged)).render(),
                    INVALID_TOKEN);
        }
        // Every other byte (lengths, nonce, times, room, user, privileges) with its lowest and highest bit flipped.
        for (int i = 0; i < signatureStart; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] forged = content.clone();
                forged[i] ^= (byte) mask;
                add(c, "content byte " + i + " ^ " + mask, Setup.FRESH, intruderJoin(withContent(genuine, forged)).render(), INVALID_TOKEN);
            }
        }
        // Text-level: each character of "001" + appId changed; base64 characters changed where that
        // changes the bytes (a change in padding bits decodes to the same token and is no forgery).
        for (int i = 0; i < 3 + AccessToken.APP_ID_LENGTH; i++) {
            char replacement = genuine.charAt(i) == '0' ? '1' : '0';
            String forged = genuine.substring(0, i) + replacement + genuine.substring(i + 1);
            add(c, "prefix character " + i + " changed", Setup.FRESH, intruderJoin(forged).render(), INVALID_TOKEN);
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 3 + AccessToken.APP_ID_LENGTH; i < genuine.length(); i += 3) {
            char original = genuine.charAt(i);
            if (original == '=') {
                continue;
            }
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 17) % 64);
            String forged = genuine.substring(0, i) + replacement + genuine.substring(i + 1);
            if (!sameContent(forged, content)) {
                add(c, "base64 character " + i + " changed", Setup.FRESH, intruderJoin(forged).render(), INVALID_TOKEN);
            }
        }
        // Truncated at every length (but for a dropped "=", which decodes to the very same token).
        for (int end = 0; end < genuine.length(); end++) {
            if (sameContent(genuine.substring(0, end), content)) {
                continue;
            }
            add(c, "truncated to " + end + " characters", Setup.FRESH, intruderJoin(genuine.substring(0, end)).render(), INVALID_TOKEN);
        }
        // Grown, spliced and re-signed without the key.
        String alices = token(CALM, "alice");
        byte[] alice = content(alices);
        int aliceSignature = 2 + ((alice[0] & 0xFF) | (alice[1] & 0xFF) << 8) + 2;
        byte[] spliced = Arrays.copyOf(content, signatureStart + 32);
        System.arraycopy(alice, aliceSignature, spliced, signatureStart, 32);
        String[][] cases = {
            {"a byte appended", withContent(genuine, Arrays.copyOf(content, content.length + 1))},
            {"the signature doubled", withContent(genuine, concat(content, Arrays.copyOfRange(content, signatureStart, content.length)))},
            {"alice's signature on mallory's content", withContent(genuine, spliced)},
            {"signed with the wrong key", token(DEV, "tt-rtc-host-development-kez", CALM, INTRUDER, now, 3600)},
            {"signed with an empty-ish key", token(DEV, " ", CALM, INTRUDER, now, 3600)},
            {"signed with the other app's key", token(DEV, APP_B_KEY, CALM, INTRUDER, now, 3600)},
            {"version 002", "002" + genuine.substring(3)},
            {"upper-case appId", "001" + DEV.toUpperCase() + genuine.substring(27)},
            {"whitespace appended", genuine + " "},
            {"whitespace prepended", " " + genuine},
            {"padding appended", genuine + "="},
            {"URL-safe alphabet", genuine.replace('+', '-').replace('/', '_') + (genuine.contains("+") || genuine.contains("/") ? "" : "-")},
            {"only the prefix", genuine.substring(0, 27)},
            {"empty", ""},
        };
        for (String[] k : cases) {
            add(c, k[0], Setup.FRESH, intruderJoin(k[1]).render(), INVALID_TOKEN);
        }
        add(c, "the token's appId swapped for the other app's", Setup.FRESH,
                join(APP_B, CALM, INTRUDER, "001" + APP_B + genuine.substring(27)).render(), INVALID_TOKEN);
        add(c, "the join's appId differing from the token's", Setup.FRESH, join(APP_B, CALM, INTRUDER, genuine).render(), INVALID_TOKEN);
        // A sample of the same through update-token.
        for (int i = signatureStart; i < content.length; i += 4) {
            byte[] forged = content.clone();
            forged[i] ^= 0x10;
            add(c, "update-token, signature byte " + (i - signatureStart) + " flipped", Setup.JOINED,
                    msg("update-token").put("id", "7").put("token", q(withContent(genuine, forged))).render(), INVALID_TOKEN);
        }
    }

    /** Whether a token text decodes to these content bytes (another spelling of the same token). */
    private static boolean sameContent(String token, byte[] content) {
        try {
            return token.length() > 3 + AccessToken.APP_ID_LENGTH && Arrays.equals(content(token), content);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void misdirectedRelays() {
        String c = "misdirected relays";
        for (String to : new String[] {"alice", "dave", "ghost", "nobody", "", "ALICE", "alice ", " alice", "alice\u0000", "x".repeat(129),
            "x".repeat(10_000), "$self"}) {
            String label = to.length() > 20 ? to.length() + "-character id" : to.equals("$self") ? "itself" : q(to);
            add(c, "signal to " + label, Setup.JOINED,
                    msg("signal").put("to", q(to)).put("data", "{\"media\":\"offer\",\"sdp\":\"v=0\"}").render(), NO_SUCH_MEMBER);
        }
    }
}
