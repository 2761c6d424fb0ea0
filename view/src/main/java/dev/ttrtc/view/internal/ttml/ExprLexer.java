package dev.ttrtc.view.internal.ttml;

import java.util.ArrayList;
import java.util.List;

/** Splits the text of a {@code {{ }}} binding into tokens, each with its location. */
final class ExprLexer {
    enum Kind { NUMBER, STRING, NAME, PUNCT, END }

    record Token(Kind kind, String text, Location location) {
    }

    private static final String[] PUNCTUATORS = {
        ">>>", "===", "!==", "...", "==", "!=", "<=", ">=", "&&", "||", "=>", "?.", "??", "++", "--", "+=", "-=", "*=",
        "/=", "%=", "<<", ">>", "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
        "=", "&", "|", "^", "~"
    };

    private ExprLexer() {
    }

    static List<Token> tokens(String text, Location start) throws TemplateException {
        List<Token> tokens = new ArrayList<>();
        int line = start.line();
        int column = start.column();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Location at = new Location(start.file(), line, column);
            if (c == '\n') {
                line++;
                column = 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                column++;
                continue;
            }
            int end;
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                end = number(text, i, at);
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end), at));
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                end = string(text, i, value, at);
                tokens.add(new Token(Kind.STRING, value.toString(), at));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                        || text.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end), at));
            } else if (c == '`') {
                throw new TemplateException(at, "template strings are not supported in {{ }} expressions");
            } else {
                String punct = null;
                for (String p : PUNCTUATORS) {
                    if (text.startsWith(p, i)) {
                        punct = p;
                        break;
                    }
                }
                if (punct == null) {
                    throw new TemplateException(at, "unexpected character '" + c + "' in {{ }} expression");
                }
                end = i + punct.length();
                tokens.add(new Token(Kind.PUNCT, punct, at));
            }
            for (int k = i; k < end; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            i = end;
        }
        tokens.add(new Token(Kind.END, "", new Location(start.file(), line, column)));
        return tokens;
    }

    private static int number(String text, int i, Location at) throws TemplateException {
        int end = i;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            throw new TemplateException(at, "hexadecimal numbers are not supported in {{ }} expressions");
        }
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int exp = end + 1;
            if (exp < text.length() && (text.charAt(exp) == '+' || text.charAt(exp) == '-')) {
                exp++;
            }
            while (exp < text.length() && Character.isDigit(text.charAt(exp))) {
                exp++;
            }
            end = exp;
        }
        try {
            Double.parseDouble(text.substring(i, end));
        } catch (NumberFormatException e) {
            throw new TemplateException(at, "malformed number " + text.substring(i, end));
        }
        return end;
    }

    private static int string(String text, int i, StringBuilder value, Location at) throws TemplateException {
        char quote = text.charAt(i);
        int k = i + 1;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (c == quote) {
                return k + 1;
            }
            if (c == '\\' && k + 1 < text.length()) {
                char e = text.charAt(k + 1);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'u' -> {
                        if (k + 6 > text.length()) {
                            throw new TemplateException(at, "malformed \\u escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(k + 2, k + 6), 16));
                        k += 4;
                    }
                    default -> value.append(e);
                }
                k += 2;
                continue;
            }
            value.append(c);
            k++;
        }
        throw new TemplateException(at, "the string is not closed");
    }
}
