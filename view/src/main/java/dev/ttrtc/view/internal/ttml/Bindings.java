package dev.ttrtc.view.internal.ttml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the {@code {{ }}} bindings in text and attribute values and parses them into an {@link Interpolation}. */
final class Bindings {
    private Bindings() {
    }

    /**
     * The index of the {@code }}} that closes a binding whose content starts at {@code from}, or
     * -1; braces of object literals and quoted strings inside are skipped.
     */
    static int endOf(String src, int from) {
        int depth = 0;
        int i = from;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < src.length() && src.charAt(k) != c) {
                    k += src.charAt(k) == '\\' ? 2 : 1;
                }
                i = k + 1;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0 && i + 1 < src.length() && src.charAt(i + 1) == '}') {
                    return i;
                }
                if (depth > 0) {
                    depth--;
                }
            }
            i++;
        }
        return -1;
    }

    /** Splits text with bindings into literal text and parsed expressions. */
    static Interpolation parse(String text, Location start, Set<String> sjsModules, ExprParser.Place place)
            throws TemplateException {
        List<Object> parts = new ArrayList<>();
        int line = start.line();
        int column = start.column();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            if (text.startsWith("{{", i)) {
                int end = endOf(text, i + 2);
                Location at = new Location(start.file(), line, column);
                if (end < 0) {
                    throw new TemplateException(at, "{{ is not closed with }}");
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                if (text.substring(i + 2, end).isBlank()) {
                    throw new TemplateException(at, "empty {{ }} expression");
                }
                Location exprAt = new Location(start.file(), line, column + 2);
                parts.add(ExprParser.parse(text.substring(i + 2, end), exprAt, sjsModules, place));
                for (int k = i; k < end + 2; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                i = end + 2;
                continue;
            }
            char c = text.charAt(i);
            literal.append(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new Interpolation(List.copyOf(parts), start);
    }
}
