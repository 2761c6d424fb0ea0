package dev.ttrtc.runtime.internal.compile;

/**
 * Tells whether JavaScript source uses ES-module syntax ({@code import}/{@code export}
 * statements, {@code import(…)}, {@code import.meta}), which the host's CommonJS loader cannot
 * run as it is. A light scan, not a parser: comments, string and template literals and regular
 * expression literals are skipped, and the keywords count only where a statement or expression
 * may start. It decides which files go to the compiler in one batch before start-up; a file it
 * misses still compiles when the engine rejects it (see {@code ModuleSources}).
 */
public final class ModuleSyntax {
    private ModuleSyntax() {
    }

    /** True when {@code source} has an import or export the engine cannot run in a CommonJS module. */
    public static boolean usesModules(String source) {
        int n = source.length();
        int i = 0;
        // Whether a '/' here would start a regular expression (true at the start and after operators).
        boolean regexAllowed = true;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                i = stringEnd(source, i, c);
                regexAllowed = false;
            } else if (c == '`') {
                i = templateEnd(source, i);
                regexAllowed = false;
            } else if (c == '/' && regexAllowed) {
                i = regexEnd(source, i);
                regexAllowed = false;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                String word = source.substring(i, end);
                boolean memberName = i > 0 && source.charAt(previousNonSpace(source, i)) == '.';
                if (!memberName && (word.equals("import") && importFollows(source, end)
                        || word.equals("export") && exportFollows(source, end))) {
                    return true;
                }
                // After a keyword such as `return` or `typeof` an expression (maybe a regex) follows.
                regexAllowed = isKeywordBeforeExpression(word);
                i = end;
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
                regexAllowed = false;
            } else {
                if (!Character.isWhitespace(c)) {
                    regexAllowed = c != ')' && c != ']' && c != '}';
                }
                i++;
            }
        }
        return false;
    }

    /** {@code import x from}, {@code import {…}}, {@code import * as}, {@code import 'x'}, {@code import(}, {@code import.meta}. */
    private static boolean importFollows(String source, int at) {
        int next = nextNonSpace(source, at);
        if (next >= source.length()) {
            return false;
        }
        char c = source.charAt(next);
        if (c == '(' || c == '{' || c == '*' || c == '\'' || c == '"') {
            return true;
        }
        if (c == '.') {
            return source.startsWith("meta", nextNonSpace(source, next + 1));
        }
        // `import name from` / `import name, {…}`: an identifier after whitespace.
        return next > at && Character.isJavaIdentifierStart(c);
    }

    /** {@code export default}, {@code export const}, {@code export {…}}, {@code export * from}. */
    private static boolean exportFollows(String source, int at) {
        int next = nextNonSpace(source, at);
        if (next >= source.length()) {
            return false;
        }
        char c = source.charAt(next);
        return c == '{' || c == '*' || next > at && Character.isJavaIdentifierStart(c);
    }

    private static boolean isKeywordBeforeExpression(String word) {
        return switch (word) {
            case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
                    "yield", "await" -> true;
            default -> false;
        };
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    private static int stringEnd(String source, int start, char quote) {
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }

    /** The end of a template literal, skipping its {@code ${…}} parts (nested templates included). */
    private static int templateEnd(String source, int start) {
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                i = substitutionEnd(source, i + 2);
            } else {
                i++;
            }
        }
        return i;
    }

    private static int substitutionEnd(String source, int from) {
        int depth = 1;
        int i = from;
        while (i < source.length() && depth > 0) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"') {
                i = stringEnd(source, i, c);
            } else if (c == '`') {
                i = templateEnd(source, i);
            } else {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                i++;
            }
        }
        return i;
    }

    private static int regexEnd(String source, int start) {
        int i = start + 1;
        boolean inClass = false;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n') {
                return i;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int nextNonSpace(String source, int from) {
        int i = from;
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int previousNonSpace(String source, int before) {
        int i = before - 1;
        while (i > 0 && Character.isWhitespace(source.charAt(i))) {
            i--;
        }
        return Math.max(0, i);
    }
}
