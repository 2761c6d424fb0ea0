package dev.ttrtc.view.internal.ttss;

import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.parser.ParseException;
import com.helger.css.parser.Token;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.ICSSParseErrorHandler;

/**
 * Parses one TTSS file with ph-css, strictly: the first syntax error fails the file with its
 * line and column (a browser would skip the broken rule; the platform's compiler rejects the
 * file). {@code @import} is allowed anywhere (its rules are inlined where it stands).
 */
final class TtssParser {

    private TtssParser() {
    }

    static CascadingStyleSheet parse(String file, String text) throws TtssException {
        FirstError firstError = new FirstError();
        CSSReaderSettings settings = new CSSReaderSettings()
                .setBrowserCompliantMode(false)
                .setKeepDeprecatedProperties(true)
                .setUseSourceLocation(true)
                .setTabSize(1)
                .setCustomErrorHandler(firstError)
                .setCustomExceptionHandler(firstError::recordFatal);
        String css = withoutByteOrderMark(text);
        CascadingStyleSheet sheet = CSSReader.readFromStringReader(css, settings);
        if (firstError.problem != null) {
            throw new TtssException(firstError.at(file, css));
        }
        if (sheet == null) {
            throw new TtssException(new StyleProblem(StyleProblem.Severity.ERROR, file, 0, 0, "cannot be parsed"));
        }
        return sheet;
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Keeps the first error ph-css reports, recoverable or not. */
    private static final class FirstError implements ICSSParseErrorHandler {
        private Located problem;
        /** ph-css does not say where an illegal character is; its first occurrence is. */
        private Character illegal;

        @Override
        public void onCSSParseError(ParseException ex, Token lastSkippedToken) {
            recordFatal(ex);
        }

        @Override
        public void onCSSUnexpectedRule(Token token, String rule, String message) {
            // @import is inlined where it stands and @charset means nothing here: both may
            // appear after other rules. Any other rule out of place is a syntax error.
            if (!rule.equalsIgnoreCase("@import") && !rule.equalsIgnoreCase("@charset")) {
                record(token, "`" + rule + "` is not allowed here");
            }
        }

        @Override
        public void onCSSDeprecatedProperty(Token prefixToken, Token identifierToken) {
            // Old IE hacks (*zoom) are kept as written; browsers ignore them.
        }

        @Override
        public void onCSSBrowserCompliantSkip(ParseException ex, Token fromToken, Token toToken) {
            recordFatal(ex);
        }

        @Override
        public void onIllegalCharacter(char c) {
            if (problem == null) {
                illegal = c;
                problem = new Located(0, 0, "illegal character");
            }
        }

        void recordFatal(ParseException ex) {
            Token unexpected = ex.currentToken == null ? null : ex.currentToken.next;
            if (unexpected == null) {
                record(null, "syntax error");
            } else if (unexpected.kind == 0) {
                record(unexpected, "unexpected end of file");
            } else {
                record(unexpected, "unexpected `" + unexpected.image + "`");
            }
        }

        private void record(Token token, String message) {
            if (problem == null) {
                problem = token == null ? new Located(0, 0, message)
                        : new Located(token.beginLine, token.beginColumn, message);
            }
        }

        StyleProblem at(String file, String text) {
            int index = illegal == null ? -1 : text.indexOf(illegal);
            if (index >= 0) {
                int lineStart = text.lastIndexOf('\n', index) + 1;
                int line = (int) text.substring(0, lineStart).chars().filter(ch -> ch == '\n').count() + 1;
                String shown = Character.isISOControl(illegal) ? String.format("U+%04X", (int) illegal) : "`" + illegal + "`";
                return new StyleProblem(StyleProblem.Severity.ERROR, file, line, index - lineStart + 1,
                        "illegal character " + shown);
            }
            return new StyleProblem(StyleProblem.Severity.ERROR, file, problem.line, problem.column, problem.message);
        }
    }

    private record Located(int line, int column, String message) {
    }
}
