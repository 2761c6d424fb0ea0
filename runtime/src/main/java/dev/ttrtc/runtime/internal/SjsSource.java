package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.view.SjsException;
import java.util.Map;
import java.util.Set;

/**
 * Checks an SJS module against the platform's SJS subset and prepares it to run: SJS is a
 * subset of ES5 ({@code var} only, no {@code new}: {@code getDate()} and {@code getRegExp()}
 * instead), so {@code let}, {@code const}, arrow functions, template strings, classes,
 * modules syntax and spread are errors with their line and column. {@code x.constructor}
 * answers a type name string in SJS ({@code "Number"}, {@code "Array"}…); the prepared source
 * reads it from a property the sandbox defines, leaving the real constructor to the engine.
 *
 * <p>A token scanner, not a parser: strings, comments and regular expression literals are
 * skipped; what it cannot tell apart is left to the engine.
 */
final class SjsSource {
    /** The property the sandbox's bootstrap defines on the built-in prototypes. */
    static final String CONSTRUCTOR_PROPERTY = "__sjsConstructor";

    private static final Map<String, String> FORBIDDEN_WORDS = Map.of(
            "let", "'let' declarations (SJS has only var)",
            "const", "'const' declarations (SJS has only var)",
            "class", "classes",
            "new", "'new' (use getDate() and getRegExp())",
            "import", "'import' (use require with a relative .sjs path)",
            "export", "'export' (assign module.exports)",
            "async", "async functions",
            "await", "'await'",
            "yield", "generators");
    private static final Set<String> REGEX_AFTER_WORDS = Set.of("return", "typeof", "case", "do", "else", "in", "void", "delete");

    private SjsSource() {
    }

    /**
     * The source to run, or an SjsException naming {@code name:line:column} of the first
     * construct the platform's SJS rejects.
     */
    static String prepare(String name, int lineOffset, String source) throws SjsException {
        StringBuilder out = new StringBuilder(source.length() + 16);
        int line = 1 + lineOffset;
        int lineStart = 0;
        char lastSignificant = 0;
        String lastWord = "";
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int start = i;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                out.append(c);
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                out.append(source, start, i);
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                for (int k = start; k < i; k++) {
                    if (source.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                out.append(source, start, i);
                continue;
            }
            if (c == '`') {
                throw error(name, line, start - lineStart, "template strings");
            }
            if (c == '"' || c == '\'') {
                i = skipString(source, i, c);
                out.append(source, start, i);
                lastSignificant = c;
                lastWord = "";
                continue;
            }
            if (c == '/' && regexAllowed(lastSignificant, lastWord)) {
                i = skipRegex(source, i);
                out.append(source, start, i);
                lastSignificant = 'r';
                lastWord = "";
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                String word = source.substring(start, i);
                boolean member = lastSignificant == '.';
                if (!member && FORBIDDEN_WORDS.containsKey(word)) {
                    throw error(name, line, start - lineStart, FORBIDDEN_WORDS.get(word));
                }
                out.append(member && word.equals("constructor") ? CONSTRUCTOR_PROPERTY : word);
                lastSignificant = 'a';
                lastWord = word;
                continue;
            }
            if (c == '=' && i + 1 < n && source.charAt(i + 1) == '>') {
                throw error(name, line, start - lineStart, "arrow functions");
            }
            if (c == '.' && source.startsWith("...", i)) {
                throw error(name, line, start - lineStart, "spread and rest ('...')");
            }
            out.append(c);
            lastSignificant = c;
            lastWord = "";
            i++;
        }
        return out.toString();
    }

    private static SjsException error(String name, int line, int column, String what) {
        return new SjsException(name + ":" + line + ":" + (column + 1) + ": SJS does not support " + what);
    }

    private static boolean regexAllowed(char last, String lastWord) {
        if (last == 0) {
            return true;
        }
        if (last == 'a') {
            return REGEX_AFTER_WORDS.contains(lastWord);
        }
        return "(,=:[!&|?{};+-*%<>~^".indexOf(last) >= 0;
    }

    private static int skipString(String s, int i, char quote) {
        int k = i + 1;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\\') {
                k += 2;
                continue;
            }
            if (c == quote || c == '\n') {
                return k + 1;
            }
            k++;
        }
        return k;
    }

    private static int skipRegex(String s, int i) {
        int k = i + 1;
        boolean inClass = false;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\\') {
                k += 2;
                continue;
            }
            if (c == '\n') {
                return k;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                k++;
                while (k < s.length() && Character.isLetter(s.charAt(k))) {
                    k++;
                }
                return k;
            }
            k++;
        }
        return k;
    }
}
