package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <rich-text>}: shows its {@code nodes} (an array of node objects or an HTML string)
 * cleaned by {@link RichTextNodes}; what the cleaning left out is one WARN entry per change
 * of {@code nodes} (the phone drops it silently). {@code space} shows runs of spaces as
 * ensp/emsp/nbsp. Nothing inside raises events of its own: taps are the rich-text's.
 */
final class RichTextComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "rich-text";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.any("nodes"), AttributeSpec.string("space", ""));
    }

    @Override
    public String baseCss() {
        return "tt-rich-text { display: inline; }\ntt-rich-text[space] { white-space: pre-wrap; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new RichText(element);
    }

    private static final class RichText implements ElementBehavior {
        private final ElementContext element;
        private JsonNode written;
        private ArrayNode clean;

        RichText(ElementContext element) {
            this.element = element;
            load();
        }

        private void load() {
            written = element.value("nodes");
            RichTextNodes nodes = new RichTextNodes();
            clean = nodes.clean(written);
            if (!nodes.removed().isEmpty()) {
                element.warn("nodes: removed what the platform does not trust (an untrusted tag with its content): "
                        + String.join(", ", nodes.removed()));
            }
        }

        @Override
        public void attributesChanged() {
            if (!element.value("nodes").equals(written)) {
                load();
                element.invalidate();
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            if (!element.string("space").isEmpty()) {
                out.put("space", element.string("space"));
            }
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            write(clean, out);
        }

        @Override
        public String shownText() {
            StringBuilder text = new StringBuilder();
            collect(clean, text);
            return text.toString();
        }

        private void collect(JsonNode nodes, StringBuilder out) {
            for (JsonNode node : nodes) {
                if (node.has("text")) {
                    out.append(TextComponent.spaced(node.get("text").asText(), element.string("space")));
                } else {
                    collect(node.get("children"), out);
                    out.append(' ');
                }
            }
        }

        private void write(JsonNode nodes, HtmlOut out) {
            for (JsonNode node : nodes) {
                if (node.has("text")) {
                    out.text(TextComponent.spaced(node.get("text").asText(), element.string("space")));
                    continue;
                }
                String tag = node.get("name").asText();
                Map<String, String> attributes = new LinkedHashMap<>();
                node.get("attrs").fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
                out.open(tag, attributes);
                if (!RichTextNodes.isVoid(tag)) {
                    write(node.get("children"), out);
                    out.close(tag);
                }
            }
        }
    }
}
