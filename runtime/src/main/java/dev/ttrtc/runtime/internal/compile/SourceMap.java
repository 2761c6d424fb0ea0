package dev.ttrtc.runtime.internal.compile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A source map (version 3) of one compiled file, read back: where a position of the compiled
 * code came from in the original file. Only the lookup the host needs (error locations) is here;
 * the map is decoded on the first lookup, since most compiled files never report an error.
 *
 * <p>Hand-written because the format's consumer side is small and fully specified (base64 VLQ
 * segments); the Java libraries that read source maps come inside whole compilers.
 */
public final class SourceMap {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A position in the original file, both 1-based as the host reports them. */
    public record Position(int line, int column) {
    }

    private final String json;
    // Per generated line: segments of {generated column, original line, original column}, 0-based,
    // sorted by generated column. Decoded once; guarded by this.
    private int[][][] lines;

    /** @param json the map as the compiler wrote it */
    public SourceMap(String json) {
        this.json = json;
    }

    /** The map as the compiler wrote it (for the cache). */
    public String json() {
        return json;
    }

    /**
     * Where the compiled code at {@code line}:{@code column} (1-based) came from: the mapped
     * segment at or before the column on that line, else the last one on an earlier line. Empty
     * for code the compiler added before the first mapped position (its helpers).
     */
    public synchronized Optional<Position> original(int line, int column) {
        if (lines == null) {
            lines = decode(json);
        }
        for (int l = Math.min(line - 1, lines.length - 1); l >= 0; l--) {
            int[][] segments = lines[l];
            int best = -1;
            for (int s = 0; s < segments.length; s++) {
                if (l < line - 1 || segments[s][0] <= column - 1) {
                    best = s;
                } else {
                    break;
                }
            }
            if (best >= 0) {
                return Optional.of(new Position(segments[best][1] + 1, segments[best][2] + 1));
            }
        }
        return Optional.empty();
    }

    private static int[][][] decode(String json) {
        String mappings;
        try {
            JsonNode node = JSON.readTree(json);
            mappings = node.path("mappings").asText("");
        } catch (JsonProcessingException e) {
            return new int[0][][];
        }
        List<int[][]> out = new ArrayList<>();
        List<int[]> current = new ArrayList<>();
        // Fields carried from segment to segment: generated column (reset per line), source index,
        // original line, original column.
        int[] state = new int[4];
        int[] value = new int[1];
        int i = 0;
        while (i <= mappings.length()) {
            if (i == mappings.length() || mappings.charAt(i) == ';') {
                out.add(sorted(current));
                current = new ArrayList<>();
                state[0] = 0;
                i++;
                continue;
            }
            if (mappings.charAt(i) == ',') {
                i++;
                continue;
            }
            int[] fields = new int[5];
            int count = 0;
            while (i < mappings.length() && mappings.charAt(i) != ',' && mappings.charAt(i) != ';') {
                i = readVlq(mappings, i, value);
                if (count < fields.length) {
                    fields[count] = value[0];
                }
                count++;
            }
            state[0] += fields[0];
            if (count >= 4) {
                state[1] += fields[1];
                state[2] += fields[2];
                state[3] += fields[3];
                current.add(new int[] {state[0], state[2], state[3]});
            }
        }
        return out.toArray(new int[0][][]);
    }

    private static int[][] sorted(List<int[]> segments) {
        int[][] array = segments.toArray(new int[0][]);
        Arrays.sort(array, (a, b) -> Integer.compare(a[0], b[0]));
        return array;
    }

    /** Reads one base64 VLQ number starting at {@code at}; returns the index after it. */
    private static int readVlq(String text, int at, int[] out) {
        int result = 0;
        int shift = 0;
        int i = at;
        while (i < text.length()) {
            int digit = BASE64.indexOf(text.charAt(i++));
            if (digit < 0) {
                break;
            }
            result += (digit & 31) << shift;
            if ((digit & 32) == 0) {
                break;
            }
            shift += 5;
        }
        out[0] = (result & 1) == 1 ? -(result >>> 1) : result >>> 1;
        return i;
    }
}
