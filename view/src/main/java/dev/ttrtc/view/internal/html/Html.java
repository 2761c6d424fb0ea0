package dev.ttrtc.view.internal.html;

import dev.ttrtc.view.spi.HtmlOut;
import java.util.Map;

/**
 * Writes HTML with every text and attribute value escaped. What built-ins (and contributed
 * components) use to write their inner HTML.
 */
public final class Html implements HtmlOut {
    private final StringBuilder out;

    Html(StringBuilder out) {
        this.out = out;
    }

    /** An opening tag with attributes (null values are left out). */
    @Override
    public Html open(String tag, Map<String, String> attributes) {
        out.append('<').append(tag);
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (a.getValue() != null) {
                out.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue())).append('"');
            }
        }
        out.append('>');
        return this;
    }

    @Override
    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** An element with attributes and text content. */
    @Override
    public Html element(String tag, Map<String, String> attributes, String text) {
        return open(tag, attributes).text(text == null ? "" : text).close(tag);
    }

    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
