package dev.ttrtc.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One result table: printed as markdown for people and as one JSON object per row for tools.
 * JSON keys are the headers made identifier-like ({@code "p50 ms"} becomes {@code p50_ms}), so
 * the two forms always carry the same numbers.
 */
public final class Table {
    /** Headers of the distribution columns that {@link #summaryCells} fills. */
    public static final List<String> SUMMARY_MS = List.of("n", "p50 ms", "p95 ms", "p99 ms", "min ms", "max ms");

    private final String bench;
    private final String title;
    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();
    private String description = "";

    /**
     * @param bench a stable id such as {@code rooms.join}, repeated in every JSON row
     * @param title the heading shown above the table
     */
    public Table(String bench, String title, List<String> headers) {
        this.bench = bench;
        this.title = title;
        this.headers = List.copyOf(headers);
    }

    /** A table whose first columns are labels and whose other columns are a {@link Summary} in milliseconds. */
    public static Table latency(String bench, String title, String... labelHeaders) {
        List<String> all = new ArrayList<>(Arrays.asList(labelHeaders));
        all.addAll(SUMMARY_MS);
        return new Table(bench, title, all);
    }

    public String bench() {
        return bench;
    }

    public String title() {
        return title;
    }

    /** One or two sentences under the title: what was measured and how. */
    public Table describe(String text) {
        this.description = text;
        return this;
    }

    public Table row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Table row(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(title + ": " + cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    /** Labels followed by the summary's n, p50, p95, p99, min, max. */
    public Table summaryRow(Summary summary, Object... labels) {
        List<Object> cells = new ArrayList<>(Arrays.asList(labels));
        cells.addAll(summaryCells(summary));
        return row(cells);
    }

    public static List<Object> summaryCells(Summary s) {
        return List.of(s.n(), s.p50(), s.p95(), s.p99(), s.min(), s.max());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        if (!description.isEmpty()) {
            out.append(description).append("\n\n");
        }
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|");
        for (int i = 0; i < headers.size(); i++) {
            out.append(i == 0 ? "---|" : "---:|");
        }
        out.append("\n");
        for (List<Object> row : rows) {
            out.append("|");
            for (Object cell : row) {
                out.append(" ").append(format(cell)).append(" |");
            }
            out.append("\n");
        }
        return out.toString();
    }

    public List<ObjectNode> json() {
        List<ObjectNode> lines = new ArrayList<>();
        for (List<Object> row : rows) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("bench", bench);
            node.put("table", title);
            for (int i = 0; i < headers.size(); i++) {
                put(node, key(headers.get(i)), row.get(i));
            }
            lines.add(node);
        }
        return lines;
    }

    /** {@code "p50 ms"} → {@code p50_ms}, {@code "p50 µs"} → {@code p50_us}, {@code "msgs/s"} → {@code msgs_s}. */
    static String key(String header) {
        String k = header.toLowerCase(Locale.ROOT).replace("µ", "u").replaceAll("[^a-z0-9]+", "_");
        return k.replaceAll("^_+|_+$", "");
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value == null) {
            node.putNull(key);
        } else if (value instanceof Integer i) {
            node.put(key, i);
        } else if (value instanceof Long l) {
            node.put(key, l);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                node.putNull(key);
            } else {
                node.put(key, Math.round(d * 1000) / 1000.0);
            }
        } else if (value instanceof Boolean b) {
            node.put(key, b);
        } else {
            node.put(key, value.toString());
        }
    }

    /** Integers as they are; decimals with about three significant digits (more would be noise). */
    static String format(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            if (Double.isNaN(d)) {
                return "–";
            }
            double abs = Math.abs(d);
            if (abs >= 100) {
                return String.format(Locale.ROOT, "%.0f", d);
            } else if (abs >= 10) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return cell.toString().replace("|", "\\|");
    }
}
