package dev.ttrtc.view.internal.ttml;

import java.util.ArrayList;
import java.util.List;

/** A node of a parsed TTML file before directives and expressions are compiled. */
sealed interface RawNode permits RawNode.Element, RawNode.Text {

    Location location();

    /** An attribute as written; {@code value} is null for a bare attribute ({@code <switch checked>}). */
    record Attribute(String name, String value, Location location, Location valueLocation) {
    }

    /** An element; {@code <sjs>} keeps its content as {@code rawContent}. */
    record Element(String name, List<Attribute> attributes, List<RawNode> children, Location location,
            String rawContent, Location contentLocation) implements RawNode {

        Element(String name, List<Attribute> attributes, Location location) {
            this(name, attributes, new ArrayList<>(), location, null, null);
        }

        Attribute attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a;
                }
            }
            return null;
        }
    }

    record Text(String text, Location location) implements RawNode {
    }
}
