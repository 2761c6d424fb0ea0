package dev.ttrtc.view.internal.components;

import java.util.Map;

/** Inline style a built-in adds to the HTML attributes without losing the template's own {@code style}. */
final class Styles {
    private Styles() {
    }

    /** Puts {@code name: value} before the element's inline style (which can still override it). */
    static void prependVariable(Map<String, String> out, String name, String value) {
        String own = out.get("style");
        out.put("style", name + ": " + value + (own == null || own.isBlank() ? "" : "; " + own));
    }
}
