package dev.ttrtc.view.internal.ttml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * JavaScript semantics for template values. A value is a {@link String}, a {@link Double}, a
 * {@link Boolean}, Java {@code null} (JS null), {@link #UNDEFINED}, or a Jackson
 * {@link ObjectNode}/{@link ArrayNode} for objects and arrays (data as the logic layer sent it).
 */
public final class JsValues {
    /** JS {@code undefined}. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsValues() {
    }

    /** A JSON value as a template value: leaves become Java values, objects and arrays stay nodes. */
    public static Object fromJson(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return UNDEFINED;
        }
        switch (node.getNodeType()) {
            case STRING: return node.textValue();
            case NUMBER: return node.doubleValue();
            case BOOLEAN: return node.booleanValue();
            case NULL: return null;
            case OBJECT:
            case ARRAY: return node;
            default: return UNDEFINED;
        }
    }

    /** A template value as JSON ({@code undefined} as a missing node). */
    public static JsonNode toJson(Object value) {
        if (value == UNDEFINED) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return NODES.nullNode();
            }
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && !(d == 0 && 1 / d < 0)) {
                return NODES.numberNode(d.intValue());
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode(d.longValue()) : NODES.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        return (JsonNode) value;
    }

    /** {@code object[key]} with template semantics: reading through null or undefined gives undefined. */
    public static Object member(Object object, Object key) {
        if (object instanceof ObjectNode o) {
            return fromJson(o.get(toPropertyKey(key)));
        }
        if (object instanceof ArrayNode a) {
            String k = toPropertyKey(key);
            if (k.equals("length")) {
                return (double) a.size();
            }
            int index = arrayIndex(k);
            return index >= 0 && index < a.size() ? fromJson(a.get(index)) : UNDEFINED;
        }
        if (object instanceof String s) {
            String k = toPropertyKey(key);
            if (k.equals("length")) {
                return (double) s.length();
            }
            int index = arrayIndex(k);
            return index >= 0 && index < s.length() ? String.valueOf(s.charAt(index)) : UNDEFINED;
        }
        return UNDEFINED;
    }

    private static int arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 9) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return -1;
            }
        }
        return key.length() > 1 && key.charAt(0) == '0' ? -1 : Integer.parseInt(key);
    }

    static String toPropertyKey(Object key) {
        return key instanceof String s ? s : toJsString(key);
    }

    public static boolean toBoolean(Object v) {
        if (v == null || v == UNDEFINED) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    public static double toNumber(Object v) {
        if (v == null) {
            return 0;
        }
        if (v == UNDEFINED) {
            return Double.NaN;
        }
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return stringToNumber(s);
        }
        return stringToNumber(toJsString(v));
    }

    private static double stringToNumber(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return 0;
        }
        if (t.equals("Infinity") || t.equals("+Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t.startsWith("0x") || t.startsWith("0X")) {
            try {
                return Long.parseLong(t.substring(2), 16);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@code String(v)}: numbers as JS prints them, arrays joined with commas, objects as [object Object]. */
    public static String toJsString(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "null";
        }
        if (v == UNDEFINED) {
            return "undefined";
        }
        if (v instanceof Double d) {
            return numberToString(d);
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof ArrayNode a) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object item = fromJson(a.get(i));
                if (item != null && item != UNDEFINED) {
                    out.append(toJsString(item));
                }
            }
            return out.toString();
        }
        return "[object Object]";
    }

    /** The text a template shows for a value: undefined and null show nothing. */
    public static String toDisplayString(Object v) {
        return v == null || v == UNDEFINED ? "" : toJsString(v);
    }

    /** Number::toString(10) of ECMAScript. */
    public static String numberToString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == 0) {
            return "0";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int k = digits.length();
        int n = k - bd.scale();
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e >= 0 ? "+" : "-").append(Math.abs(e));
        }
        return out.toString();
    }

    private static boolean isObject(Object v) {
        return v instanceof JsonNode;
    }

    /** {@code ===}. Objects compare by identity, which for data is the node itself. */
    public static boolean strictEquals(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a == null || b == null || a == UNDEFINED || b == UNDEFINED) {
            return a == b;
        }
        if (isObject(a) || isObject(b)) {
            return a == b;
        }
        return a.equals(b);
    }

    /** {@code ==}. */
    public static boolean looseEquals(Object a, Object b) {
        boolean aNullish = a == null || a == UNDEFINED;
        boolean bNullish = b == null || b == UNDEFINED;
        if (aNullish || bNullish) {
            return aNullish && bNullish;
        }
        if (a.getClass() == b.getClass() || (isObject(a) && isObject(b))) {
            return strictEquals(a, b);
        }
        if (a instanceof Boolean) {
            return looseEquals(toNumber(a), b);
        }
        if (b instanceof Boolean) {
            return looseEquals(a, toNumber(b));
        }
        if (isObject(a)) {
            return looseEquals(toJsString(a), b);
        }
        if (isObject(b)) {
            return looseEquals(a, toJsString(b));
        }
        return toNumber(a) == toNumber(b);
    }

    /** {@code a + b}: concatenation when either side is a string (after ToPrimitive), else addition. */
    public static Object add(Object a, Object b) {
        Object pa = isObject(a) ? toJsString(a) : a;
        Object pb = isObject(b) ? toJsString(b) : b;
        if (pa instanceof String || pb instanceof String) {
            return toJsString(pa) + toJsString(pb);
        }
        return toNumber(pa) + toNumber(pb);
    }

    /** {@code <}, {@code >}, {@code <=}, {@code >=}: strings compare by code units, anything else as numbers. */
    public static boolean compare(String op, Object a, Object b) {
        Object pa = isObject(a) ? toJsString(a) : a;
        Object pb = isObject(b) ? toJsString(b) : b;
        if (pa instanceof String x && pb instanceof String y) {
            int c = x.compareTo(y);
            return switch (op) {
                case "<" -> c < 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                default -> c >= 0;
            };
        }
        double x = toNumber(pa);
        double y = toNumber(pb);
        return switch (op) {
            case "<" -> x < y;
            case ">" -> x > y;
            case "<=" -> x <= y;
            default -> x >= y;
        };
    }

    public static Object arithmetic(String op, Object a, Object b) {
        double x = toNumber(a);
        double y = toNumber(b);
        return switch (op) {
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> x / y;
            default -> x % y;
        };
    }
}
