package dev.ttrtc.runtime.internal.apis.files;

import dev.ttrtc.runtime.api.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/** The encodings FileSystemManager takes for text, with Node's meaning of each. */
enum TextEncoding {
    UTF8(StandardCharsets.UTF_8, "utf8", "utf-8"),
    ASCII(StandardCharsets.US_ASCII, "ascii"),
    LATIN1(StandardCharsets.ISO_8859_1, "latin1", "binary"),
    UTF16LE(StandardCharsets.UTF_16LE, "ucs2", "ucs-2", "utf16le", "utf-16le"),
    BASE64(null, "base64"),
    HEX(null, "hex");

    private final Charset charset;
    private final String[] names;

    TextEncoding(Charset charset, String... names) {
        this.charset = charset;
        this.names = names;
    }

    /** The encoding called {@code name} (any case); a parameter error naming {@code what} otherwise. */
    static TextEncoding named(String name, String what) throws ApiException {
        String lower = name.toLowerCase(Locale.ROOT);
        for (TextEncoding e : values()) {
            if (Arrays.asList(e.names).contains(lower)) {
                return e;
            }
        }
        String all = Arrays.stream(values()).flatMap(e -> Arrays.stream(e.names)).collect(Collectors.joining(", "));
        throw ApiException.parameter("expect " + what + " to be one of " + all + ", but got " + name);
    }

    String decode(byte[] bytes) {
        return switch (this) {
            case BASE64 -> Base64.getEncoder().encodeToString(bytes);
            case HEX -> HexFormat.of().formatHex(bytes);
            case ASCII -> {
                // Node's ascii drops the high bit rather than replacing the byte.
                char[] chars = new char[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    chars[i] = (char) (bytes[i] & 0x7f);
                }
                yield new String(chars);
            }
            default -> new String(bytes, charset);
        };
    }

    byte[] encode(String text) throws ApiException {
        switch (this) {
            case BASE64:
                try {
                    return Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
                } catch (IllegalArgumentException e) {
                    throw ApiException.parameter("data is invalid base64");
                }
            case HEX:
                try {
                    return HexFormat.of().parseHex(text.length() % 2 == 0 ? text : text.substring(0, text.length() - 1));
                } catch (IllegalArgumentException e) {
                    throw ApiException.parameter("data is invalid hex");
                }
            case ASCII:
            case LATIN1:
                // Node keeps the low byte of each UTF-16 unit for both.
                byte[] bytes = new byte[text.length()];
                for (int i = 0; i < text.length(); i++) {
                    bytes[i] = (byte) text.charAt(i);
                }
                return bytes;
            default:
                return text.getBytes(charset);
        }
    }
}
