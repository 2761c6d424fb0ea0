package dev.ttrtc.view.internal.html;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttss.StyleScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The render tree as HTML: every element carries {@code data-nid}; a built-in {@code x} is the
 * custom element {@code tt-x}, a component host keeps its tag and carries its definition's
 * {@code tt-host} prefix (for {@code :host} rules), a text is {@code <tt-t data-nid>}; inline
 * styles pass through the TTSS compiler's rpx conversion, and what the element's
 * {@code animation} exports left on it follows them. The one place HTML is made, for patch ops and for
 * standalone documents alike.
 */
public final class HtmlWriter {
    private final ElementKinds kinds;
    private final UnaryOperator<String> inlineStyle;
    private final double windowWidth;

    /**
     * @param inlineStyle converts an inline {@code style} value (its rpx to px)
     * @param windowWidth the instance's window width, for the standalone document's viewport
     */
    public HtmlWriter(ElementKinds kinds, UnaryOperator<String> inlineStyle, double windowWidth) {
        this.kinds = kinds;
        this.inlineStyle = inlineStyle;
        this.windowWidth = windowWidth;
    }

    /** The node and its subtree. */
    public String outer(Node node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** The HTML attributes of an element, {@code data-nid} first. */
    public Map<String, String> attributes(Node element) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("data-nid", Integer.toString(element.id()));
        Object id = element.attributes().get("id");
        if (id != null && id != Boolean.TRUE) {
            out.put("id", JsValues.toDisplayString(id));
        }
        if (element.component() != null) {
            out.put(StyleScope.HOST_ATTRIBUTE, StyleScope.prefixFor(element.component().path()));
        }
        String classes = ClassNames.of(element);
        if (classes != null) {
            out.put("class", classes);
        }
        Object style = element.attributes().get("style");
        String ownStyle = style != null && style != Boolean.TRUE ? inlineStyle.apply(JsValues.toDisplayString(style)) : null;
        String animation = element.animatedStyle();
        String animated = animation == null ? null : inlineStyle.apply(animation);
        if (ownStyle != null || animated != null) {
            out.put("style", animated == null ? ownStyle : ownStyle == null || ownStyle.isBlank() ? animated
                    : ownStyle + (ownStyle.strip().endsWith(";") ? " " : "; ") + animated);
        }
        Object hidden = element.attributes().get("hidden");
        if (hidden != null && JsValues.toBoolean(hidden)) {
            out.put("hidden", "");
        }
        for (Map.Entry<String, Object> a : element.attributes().entrySet()) {
            if (a.getKey().startsWith("data-")) {
                out.put(a.getKey(), a.getValue() == Boolean.TRUE ? "" : JsValues.toDisplayString(a.getValue()));
            }
        }
        kinds.attributes(element, out);
        return out;
    }

    private void write(Node node, StringBuilder out) {
        if (node.isText()) {
            out.append("<tt-t data-nid=\"").append(node.id()).append("\">").append(Html.escape(kinds.text(node)))
                    .append("</tt-t>");
            return;
        }
        String tag = kinds.htmlTag(node);
        Html html = new Html(out);
        Map<String, String> attributes = attributes(node);
        node.html(attributes);
        html.open(tag, attributes);
        kinds.inner(node, html);
        if (kinds.showsChildren(node)) {
            for (Node child : node.children()) {
                write(child, out);
            }
        }
        html.close(tag);
    }

    /** A standalone document: the page's HTML with its CSS inline. */
    public String document(Node root, String css, String title) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=")
                .append(JsValues.numberToString(windowWidth)).append("\"><title>").append(Html.escape(title))
                .append("</title>\n<style>\nhtml, body { margin: 0; }\n").append(css.replace("</", "<\\/")).append("\n</style></head>\n<body>");
        write(root, out);
        out.append("</body></html>\n");
        return out.toString();
    }
}
