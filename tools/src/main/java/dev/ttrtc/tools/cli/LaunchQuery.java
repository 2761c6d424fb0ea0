package dev.ttrtc.tools.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code --query 'k=v&k2=v2'}. Values are taken as written, so that a pasted token keeps its
 * {@code +}, {@code /} and {@code =}: a pair splits at its first {@code =}, {@code +} is never a
 * space, and {@code %XX} is decoded only when every {@code %} of the key or value starts a valid
 * UTF-8 escape (otherwise the text cannot have been meant encoded and stays as it is).
 */
final class LaunchQuery {
    private static final Pattern ESCAPED = Pattern.compile("(?:[^%]|%[0-9A-Fa-f]{2})*");

    private LaunchQuery() {
    }

    static Map<String, String> parse(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        if (query == null) {
            return result;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.isEmpty()) {
                throw new UserError("--query has a value without a key: '" + pair + "'");
            }
            result.put(decode(key), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return result;
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0 || !ESCAPED.matcher(text).matches()) {
            return text;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
        for (int i = 0; i < text.length(); ) {
            if (text.charAt(i) == '%') {
                bytes.put((byte) Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            } else {
                int end = text.indexOf('%', i);
                end = end < 0 ? text.length() : end;
                bytes.put(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            return text;
        }
    }
}
