package dev.ttrtc.automator.internal;

import java.util.Optional;

/**
 * A property of an element's inline {@code style} attribute: the view computes no cascade, so the
 * client's {@code style(name)} answers what the template wrote on the element.
 */
final class InlineStyle {
    private InlineStyle() {
    }

    static Optional<String> value(String style, String name) {
        Optional<String> found = Optional.empty();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0 && declaration.substring(0, colon).strip().equalsIgnoreCase(name)) {
                found = Optional.of(declaration.substring(colon + 1).strip());
            }
        }
        return found;
    }
}
