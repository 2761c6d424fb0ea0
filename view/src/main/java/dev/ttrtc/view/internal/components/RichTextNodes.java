package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The {@code nodes} of a {@code <rich-text>}, cleaned to what the platform trusts: its list of
 * HTML tags, each with the attributes it allows, plus {@code class} and {@code style} on every
 * tag (no {@code id}, no event attributes, no {@code href}); {@code img} only with an http(s)
 * {@code src}. An untrusted tag is removed with all its content. An HTML string is parsed with
 * jsoup (as a browser would) into the same node form, then cleaned the same way. The result is
 * an array of {@code {name, attrs, children}} and {@code {type: "text", text}} (entities
 * decoded) that can be written as HTML as it is.
 */
final class RichTextNodes {
    /** Trusted tags and their own attributes (the platform's list; WeChat's is the same). */
    private static final Map<String, Set<String>> TRUSTED = trusted();
    private static final Set<String> VOID = Set.of("br", "hr", "img", "col");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static Map<String, Set<String>> trusted() {
        Map<String, Set<String>> tags = new java.util.HashMap<>();
        for (String tag : ("a abbr address article aside b bdi big blockquote br caption center cite code dd del div dl dt em"
                + " fieldset font footer h1 h2 h3 h4 h5 h6 header hr i ins label legend li mark nav p pre q rt ruby s section"
                + " small span strong sub sup tbody tfoot thead tr tt u ul").split(" ")) {
            tags.put(tag, Set.of());
        }
        tags.put("bdo", Set.of("dir"));
        tags.put("col", Set.of("span", "width"));
        tags.put("colgroup", Set.of("span", "width"));
        tags.put("img", Set.of("alt", "src", "height", "width"));
        tags.put("ol", Set.of("start", "type"));
        tags.put("table", Set.of("width"));
        tags.put("td", Set.of("colspan", "height", "rowspan", "width"));
        tags.put("th", Set.of("colspan", "height", "rowspan", "width"));
        return Map.copyOf(tags);
    }

    /** What was left out, for one WARN entry: tags as {@code <name>}, attributes as {@code name}. */
    private final Set<String> removed = new TreeSet<>();

    Set<String> removed() {
        return removed;
    }

    /** Cleans the {@code nodes} attribute: an array of node objects, or an HTML string. */
    ArrayNode clean(JsonNode nodes) {
        if (nodes.isTextual()) {
            return fromHtml(Jsoup.parseBodyFragment(nodes.asText()).body());
        }
        ArrayNode out = JSON.arrayNode();
        if (nodes.isArray()) {
            fromJson(nodes, out);
        }
        return out;
    }

    private void fromJson(JsonNode nodes, ArrayNode out) {
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                continue;
            }
            if ("text".equals(node.path("type").asText())) {
                out.add(text(Parser.unescapeEntities(JsValues.toDisplayString(JsValues.fromJson(node.path("text"))), false)));
                continue;
            }
            ObjectNode element = element(node.path("name").asText(""));
            if (element == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("attrs").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> a = it.next();
                attribute(element, a.getKey(), JsValues.toDisplayString(JsValues.fromJson(a.getValue())));
            }
            fromJson(node.path("children"), (ArrayNode) element.get("children"));
            out.add(element);
        }
    }

    private ArrayNode fromHtml(Element parent) {
        ArrayNode out = JSON.arrayNode();
        for (org.jsoup.nodes.Node child : parent.childNodes()) {
            if (child instanceof TextNode text) {
                out.add(text(text.getWholeText()));
            } else if (child instanceof Element e) {
                ObjectNode element = element(e.tagName());
                if (element != null) {
                    e.attributes().forEach(a -> attribute(element, a.getKey(), a.getValue()));
                    element.set("children", fromHtml(e));
                    out.add(element);
                }
            }
        }
        return out;
    }

    private static ObjectNode text(String text) {
        return JSON.objectNode().put("type", "text").put("text", text);
    }

    /** A clean element, or null for an untrusted tag. */
    private ObjectNode element(String name) {
        String tag = name.toLowerCase(Locale.ROOT);
        if (!TRUSTED.containsKey(tag)) {
            removed.add("<" + (tag.isEmpty() ? "(no name)" : tag) + ">");
            return null;
        }
        ObjectNode element = JSON.objectNode().put("name", tag);
        element.set("attrs", JSON.objectNode());
        element.set("children", JSON.arrayNode());
        return element;
    }

    private void attribute(ObjectNode element, String name, String value) {
        String attribute = name.toLowerCase(Locale.ROOT);
        String tag = element.get("name").asText();
        boolean allowed = attribute.equals("class") || attribute.equals("style") || TRUSTED.get(tag).contains(attribute);
        if (allowed && tag.equals("img") && attribute.equals("src")) {
            String src = value.strip().toLowerCase(Locale.ROOT);
            allowed = src.startsWith("http://") || src.startsWith("https://");
        }
        if (allowed) {
            ((ObjectNode) element.get("attrs")).put(attribute, value);
        } else {
            removed.add(tag + " " + attribute);
        }
    }

    static boolean isVoid(String tag) {
        return VOID.contains(tag);
    }
}
