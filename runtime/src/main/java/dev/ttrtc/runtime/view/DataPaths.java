package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code setData} patches (as {@link ViewLayer#dataChanged} receives them) to a copy of
 * the data: keys are data paths ({@code a.b[2].c}) as the logic layer accepted them; missing
 * containers are created (an array for an index, an object for a name), as the logic layer
 * does. The patch is only read (its values are copied in), so one patch can serve several
 * copies of the data. Not thread-safe: the caller owns the data.
 */
public final class DataPaths {
    private DataPaths() {
    }

    public static void apply(ObjectNode data, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            List<Object> segments = parse(entry.getKey());
            if (segments != null) {
                set(data, segments, entry.getValue().deepCopy());
            }
        }
    }

    /** 'a.b[2].c' → [a, b, 2, c] (names as String, indexes as Integer); null when malformed. */
    public static List<Object> parse(String path) {
        if (!path.isEmpty() && path.indexOf('.') < 0 && path.indexOf('[') < 0) {
            return List.of(path); // a plain name, as most setData paths are
        }
        List<Object> segments = new ArrayList<>();
        int i = 0;
        int n = path.length();
        boolean expectName = true;
        while (i < n) {
            char c = path.charAt(i);
            if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0 || segments.isEmpty()) {
                    return null;
                }
                try {
                    segments.add(Integer.parseInt(path.substring(i + 1, end)));
                } catch (NumberFormatException e) {
                    return null;
                }
                i = end + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    return null;
                }
                i++;
                expectName = true;
            } else {
                if (!expectName) {
                    return null;
                }
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segments.add(path.substring(i, end));
                i = end;
                expectName = false;
            }
        }
        return segments.isEmpty() || expectName ? null : segments;
    }

    private static void set(ObjectNode root, List<Object> segments, JsonNode value) {
        JsonNode target = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object key = segments.get(i);
            boolean nextIsIndex = segments.get(i + 1) instanceof Integer;
            JsonNode next = child(target, key);
            if (next == null || !next.isContainerNode()) {
                next = nextIsIndex ? root.arrayNode() : root.objectNode();
                put(target, key, next);
            }
            target = next;
        }
        put(target, segments.get(segments.size() - 1), value);
    }

    private static JsonNode child(JsonNode container, Object key) {
        if (key instanceof Integer index) {
            return container.isArray() ? container.get(index) : container.get(String.valueOf(index));
        }
        return container.isObject() ? container.get((String) key) : null;
    }

    private static void put(JsonNode container, Object key, JsonNode value) {
        if (container instanceof ArrayNode array && key instanceof Integer index) {
            while (array.size() <= index) {
                array.addNull();
            }
            array.set(index, value);
        } else if (container instanceof ObjectNode object) {
            object.set(key.toString(), value);
        } else if (container instanceof ArrayNode array) {
            // A name on an array: JSON has no place for it, as JSON.stringify drops it.
            return;
        }
    }
}
