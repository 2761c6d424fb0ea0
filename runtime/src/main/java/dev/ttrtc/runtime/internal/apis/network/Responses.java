package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning HTTP responses into what the platform's payloads hold. */
final class Responses {
    /** JSON as {@code JSON.parse} takes it: nothing after the value. */
    private static final ObjectMapper STRICT_JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

    private Responses() {
    }

    /** The response headers as an object, repeated headers joined with {@code ", "}. */
    static ObjectNode headerObject(HttpHeaders headers) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                object.put(name, String.join(", ", values));
            }
        });
        return object;
    }

    /** The body as text in the charset the Content-Type names (UTF-8 when it names none or an unknown one). */
    static String text(HttpHeaders headers, byte[] body) {
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(headers.firstValue("content-type").orElse(""));
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // An unknown charset: read as UTF-8, as browsers fall back.
            }
        }
        return new String(body, charset);
    }

    /** {@code text} parsed as JSON, or the text itself when it is not JSON (the platform does the same). */
    static JsonNode jsonOrText(String text) {
        try {
            JsonNode parsed = STRICT_JSON.readTree(text);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed;
            }
        } catch (JsonProcessingException e) {
            // Not JSON: the project gets the text.
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
