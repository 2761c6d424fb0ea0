package dev.ttrtc.tools.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * Text from a mini-program or a test (console output, names, error messages) on its way to a
 * terminal or a report. Control characters could move the cursor, forge lines (CR), set the
 * clipboard (OSC 52) or reorder text (bidi overrides); they are shown as escapes instead:
 * {@code \n}, {@code \r}, {@code \t} where a line must stay one line, {@code \}{@code uXXXX} for the
 * rest (C0 and C1 controls, DEL, line and paragraph separators, bidi controls, lone surrogates).
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** The text as one line: every control character, newlines included, escaped. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** The text with its line breaks ({@code \n}) kept and every other control character escaped. */
    public static String lines(String text) {
        return escape(text, true);
    }

    /** Whether a terminal could act on this code point instead of showing it. */
    public static boolean unsafe(int cp) {
        return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C || (cp >= 0xD800 && cp <= 0xDFFF);
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean keep = !unsafe(cp) || cp == '\t' && keepNewlines || cp == '\n' && keepNewlines;
            if (!keep) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(switch (cp) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format(Locale.ROOT, "\\u%04x", cp);
                });
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /**
     * Jackson escapes for JSON lines that reach a terminal: besides what JSON requires, DEL, C1
     * controls, line separators and bidi controls are written as {@code \}{@code uXXXX}.
     */
    public static CharacterEscapes jsonEscapes() {
        return JsonEscapes.INSTANCE;
    }

    private static final class JsonEscapes extends CharacterEscapes {
        private static final JsonEscapes INSTANCE = new JsonEscapes();
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        private JsonEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return unsafe(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
