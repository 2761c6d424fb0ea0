package dev.ttrtc.bridge.signal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text of the signalling protocol, version {@value #VERSION}: every message is one object
 * {@code {"v": 1, "type": "...", ...}}. Reading is strict: unknown fields, missing fields and
 * wrong types are errors, reported as {@link RtcException}s with protocol error codes.
 */
public final class MessageCodec {
    public static final int VERSION = 1;
    /** Larger text frames are refused. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    // Strict: a field of the wrong JSON type is an error, never converted ("5" is no int, 1 no
    // boolean, 1.5 no int, true no string), and a repeated key is an error rather than "last wins",
    // so that every reader of a frame sees the same message.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Map<Class<?>, String> TYPE_NAMES = typeNames(ClientMessage.class, ServerMessage.class);

    private MessageCodec() {
    }

    private static Map<Class<?>, String> typeNames(Class<?>... bases) {
        Map<Class<?>, String> names = new HashMap<>();
        for (Class<?> base : bases) {
            for (JsonSubTypes.Type type : base.getAnnotation(JsonSubTypes.class).value()) {
                names.put(type.value(), type.name());
            }
        }
        return Map.copyOf(names);
    }

    /** The wire {@code type} of a message, for logs and error messages. */
    public static String typeName(Object message) {
        return TYPE_NAMES.getOrDefault(message.getClass(), message.getClass().getSimpleName());
    }

    public static String write(ClientMessage message) {
        return write((Object) message);
    }

    public static String write(ServerMessage message) {
        return write((Object) message);
    }

    private static String write(Object message) {
        ObjectNode body = JSON.valueToTree(message);
        ObjectNode framed = JSON.createObjectNode();
        framed.put("v", VERSION);
        framed.setAll(body);
        return framed.toString();
    }

    /** A media negotiation message as the {@code data} of a relay. */
    public static ObjectNode writeMedia(MediaSignal signal) {
        return JSON.valueToTree(signal);
    }

    /** The media negotiation message in a relay's {@code data}, read strictly. */
    public static MediaSignal readMedia(JsonNode data) throws RtcException {
        if (data == null || !data.path("media").isTextual()) {
            throw RtcException.of(RtcError.MALFORMED_MESSAGE, "missing \"media\"");
        }
        try {
            return JSON.treeToValue(data, MediaSignal.class);
        } catch (InvalidTypeIdException e) {
            throw RtcException.of(RtcError.UNKNOWN_TYPE, data.get("media").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw RtcException.of(RtcError.MALFORMED_MESSAGE, describe(e));
        }
    }

    public static ClientMessage readClient(String text) throws RtcException {
        return read(text, ClientMessage.class);
    }

    public static ServerMessage readServer(String text) throws RtcException {
        return read(text, ServerMessage.class);
    }

    private static <T> T read(String text, Class<T> type) throws RtcException {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_MESSAGE_BYTES) {
            throw RtcException.of(RtcError.MESSAGE_TOO_LARGE, bytes, MAX_MESSAGE_BYTES);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw RtcException.of(RtcError.NOT_JSON, syntax(e));
        }
        if (tree == null || !tree.isObject()) {
            throw RtcException.of(RtcError.NOT_AN_OBJECT);
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode version = object.remove("v");
        if (version == null) {
            throw RtcException.of(RtcError.NO_VERSION);
        }
        if (!version.isInt() || version.asInt() != VERSION) {
            throw RtcException.of(RtcError.UNSUPPORTED_VERSION, version.toString(), VERSION);
        }
        if (!object.path("type").isTextual()) {
            throw RtcException.of(RtcError.NO_TYPE);
        }
        try {
            return JSON.treeToValue(object, type);
        } catch (InvalidTypeIdException e) {
            throw RtcException.of(RtcError.UNKNOWN_TYPE, object.get("type").asText());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw RtcException.of(RtcError.MALFORMED_MESSAGE, describe(e));
        }
    }

    /**
     * What is wrong with a message, in the protocol's words: field names from the message, never
     * a Java class or the library's own wording (which names classes and methods).
     */
    private static String describe(Exception e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"" + within(u.getPath(), 1);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null && v.getCause().getMessage() != null) {
            // The message records' own checks ("appId is required"): text written in this project.
            return v.getCause().getMessage() + within(v.getPath(), 0);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String missing = m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Missing required creator property")
                    ? "missing field " : "wrong JSON type for field ";
            return missing + "\"" + path(m.getPath()) + "\"";
        }
        return "the message does not have the shape of its type";
    }

    /** The JSON syntax error and where it is, without the parser's own wording when that names code. */
    private static String syntax(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof StreamConstraintsException) {
            return "the text exceeds the reader's limits (nesting or length)" + where;
        }
        String message = e.getOriginalMessage();
        if (message == null || message.contains("`") || message.contains("java.") || message.contains("com.fasterxml")) {
            return "invalid JSON" + where;
        }
        return message.lines().findFirst().orElse(message) + where;
    }

    private static String within(List<JsonMappingException.Reference> path, int drop) {
        List<JsonMappingException.Reference> outer = path.subList(0, Math.max(0, path.size() - drop));
        return outer.isEmpty() ? "" : " in \"" + path(outer) + "\"";
    }

    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                text.append('[').append(r.getIndex()).append(']');
            }
        }
        return text.toString();
    }
}
