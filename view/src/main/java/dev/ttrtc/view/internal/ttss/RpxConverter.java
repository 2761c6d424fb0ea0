package dev.ttrtc.view.internal.ttss;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns {@code rpx} lengths into {@code px} in CSS value text: {@code px = rpx × windowWidth /
 * 750}, kept to at most 4 decimals ({@code 1rpx} at 393 px is {@code 0.524px}). Numbers anywhere
 * in a value count (shorthands, {@code calc()}, function arguments, negative and signed numbers,
 * exponents); strings, {@code url(…)} and names that merely contain "rpx" are left alone.
 *
 * <p>A scanner over value text rather than a walk over ph-css's value tree: the same code then
 * serves stylesheet values (written by ph-css) and inline {@code style} attributes (converted on
 * every render, where parsing each one would cost more than the rest of the render).
 */
final class RpxConverter {
    private static final BigDecimal SCREEN_RPX = BigDecimal.valueOf(750);
    private static final int DECIMALS = 4;

    private final BigDecimal windowWidth;

    RpxConverter(double windowWidth) {
        if (!(windowWidth > 0) || Double.isInfinite(windowWidth)) {
            throw new IllegalArgumentException("window width must be a positive number of px: " + windowWidth);
        }
        this.windowWidth = BigDecimal.valueOf(windowWidth);
    }

    /** The text with every {@code <number>rpx} replaced by its px length; the same string when none. */
    String convert(String text) {
        if (!mentionsRpx(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = copyString(text, i, out);
            } else if (c == '\\') {
                int end = Math.min(i + 2, text.length());
                out.append(text, i, end);
                i = end;
            } else if (startsUrl(text, i)) {
                i = copyUrl(text, i, out);
            } else if (startsNumber(text, i)) {
                i = copyNumber(text, i, out);
            } else if (isNameChar(c)) {
                int end = i;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                out.append(text, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code value} rpx in px, as CSS writes a number: no exponent, no trailing zeros. */
    private String px(BigDecimal rpx) {
        BigDecimal px = rpx.multiply(windowWidth).divide(SCREEN_RPX, DECIMALS, RoundingMode.HALF_UP);
        return px.signum() == 0 ? "0" : px.stripTrailingZeros().toPlainString();
    }

    static boolean mentionsRpx(String text) {
        for (int i = 0; i + 3 <= text.length(); i++) {
            if (text.regionMatches(true, i, "rpx", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** Copies a number with its unit, converting it when the unit is rpx. */
    private int copyNumber(String text, int start, StringBuilder out) {
        int end = start;
        if (text.charAt(end) == '+' || text.charAt(end) == '-') {
            end++;
        }
        end = skipDigits(text, end);
        if (end < text.length() && text.charAt(end) == '.' && end + 1 < text.length()
                && isDigit(text.charAt(end + 1))) {
            end = skipDigits(text, end + 1);
        }
        if (end + 1 < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int exponent = end + 1;
            if (text.charAt(exponent) == '+' || text.charAt(exponent) == '-') {
                exponent++;
            }
            if (exponent < text.length() && isDigit(text.charAt(exponent))) {
                end = skipDigits(text, exponent);
            }
        }
        int unitEnd = end;
        while (unitEnd < text.length() && isNameChar(text.charAt(unitEnd))) {
            unitEnd++;
        }
        if (text.substring(end, unitEnd).equalsIgnoreCase("rpx")) {
            out.append(px(new BigDecimal(text.substring(start, end)))).append("px");
        } else {
            out.append(text, start, unitEnd);
        }
        return unitEnd;
    }

    private static int copyString(String text, int start, StringBuilder out) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i + 1, text.length());
        out.append(text, start, end);
        return end;
    }

    private static int copyUrl(String text, int start, StringBuilder out) {
        int i = start + 4;
        while (i < text.length() && text.charAt(i) != ')') {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                StringBuilder ignored = new StringBuilder();
                i = copyString(text, i, ignored);
            } else {
                i += c == '\\' ? 2 : 1;
            }
        }
        int end = Math.min(i + 1, text.length());
        out.append(text, start, end);
        return end;
    }

    private static boolean startsUrl(String text, int i) {
        return text.regionMatches(true, i, "url(", 0, 4) && (i == 0 || !isNameChar(text.charAt(i - 1)));
    }

    /** A number token starts here: digits, or a dot or sign followed by one, after no name. */
    private static boolean startsNumber(String text, int i) {
        int j = i;
        if (text.charAt(j) == '+' || text.charAt(j) == '-') {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '.') {
            j++;
        }
        return j < text.length() && isDigit(text.charAt(j));
    }

    private static int skipDigits(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Characters of CSS names: a number glued to one of these is part of a name, not a length. */
    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '#' || c > 0x7f;
    }
}
