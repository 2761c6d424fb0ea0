package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;
import java.util.Map;

/**
 * {@code <text>}: inline text; {@code \n} breaks lines; {@code decode} turns
 * {@code &nbsp; &lt; &gt; &amp; &apos; &ensp; &emsp;} into characters; {@code space} shows runs
 * of spaces as ensp/emsp/nbsp.
 */
final class TextComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "text";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.bool("selectable", false), AttributeSpec.string("space", ""),
                AttributeSpec.bool("decode", false));
    }

    @Override
    public String baseCss() {
        return "tt-text { display: inline; white-space: pre-line; }\ntt-text[space] { white-space: pre-wrap; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Text(element);
    }

    /** Transforms the text of its text children. */
    static final class Text implements ElementBehavior {
        private final ElementContext element;

        Text(ElementContext element) {
            this.element = element;
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            String space = element.string("space");
            if (!space.isEmpty()) {
                out.put("space", space);
            }
        }

        String transform(String text) {
            String out = text;
            if (element.bool("decode")) {
                out = out.replace("&nbsp;", "\u00a0").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'")
                        .replace("&ensp;", "\u2002").replace("&emsp;", "\u2003").replace("&amp;", "&");
            }
            return spaced(out, element.string("space"));
        }
    }

    /** Spaces shown as {@code space} says (ensp, emsp or nbsp; anything else leaves them). Also rich-text's. */
    static String spaced(String text, String space) {
        String replacement = switch (space) {
            case "ensp" -> "\u2002";
            case "emsp" -> "\u2003";
            case "nbsp" -> "\u00a0";
            default -> null;
        };
        return replacement == null ? text : text.replace(" ", replacement);
    }
}
