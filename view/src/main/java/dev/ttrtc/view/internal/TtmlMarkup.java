package dev.ttrtc.view.internal;

import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.html.Html;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered node written back as TTML (the automator's {@code wxml()}): tags as in the template,
 * attributes with their current values, texts as shown; a component's content is its shadow tree.
 */
final class TtmlMarkup {
    private final Builtins builtins;

    TtmlMarkup(Builtins builtins) {
        this.builtins = builtins;
    }

    /** The attributes as {@link dev.ttrtc.runtime.view.ViewElement#attr} renders them. */
    static Map<String, String> attributes(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.attributes().forEach((name, value) -> out.put(name, value == Boolean.TRUE ? "" : JsValues.toDisplayString(value)));
        return out;
    }

    String write(Node node, boolean outer) {
        StringBuilder out = new StringBuilder();
        if (outer) {
            element(node, out);
        } else {
            node.children().forEach(child -> element(child, out));
        }
        return out.toString();
    }

    private void element(Node node, StringBuilder out) {
        if (node.isText()) {
            out.append(Html.escape(builtins.text(node)));
            return;
        }
        out.append('<').append(node.tag());
        attributes(node).forEach((name, value) -> out.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"'));
        out.append('>');
        node.children().forEach(child -> element(child, out));
        out.append("</").append(node.tag()).append('>');
    }
}
