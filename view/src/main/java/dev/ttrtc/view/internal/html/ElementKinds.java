package dev.ttrtc.view.internal.html;

import dev.ttrtc.view.internal.tree.Node;
import java.util.Map;

/** What the built-in components say about the HTML of their elements. */
public interface ElementKinds {

    /** The HTML element name: {@code tt-view} for {@code <view>}, the tag itself for a component host. */
    String htmlTag(Node element);

    /** Adds the element's own HTML attributes (a button's {@code type}, an input's {@code placeholder}). */
    void attributes(Node element, Map<String, String> out);

    /** Writes the element's own inner HTML (an input's real {@code <input>}); empty for most. */
    void inner(Node element, Html out);

    /** The text a text node shows (a {@code <text decode>} parent decodes entities). */
    String text(Node textNode);

    /** False for leaves (input, image…) whose template children are not shown. */
    boolean showsChildren(Node element);
}
