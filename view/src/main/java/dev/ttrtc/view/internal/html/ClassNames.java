package dev.ttrtc.view.internal.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttss.StyleScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML {@code class} of an element, with component style isolation: a class written in a
 * component's template becomes {@code <prefix>--<class>} (the prefix per component definition,
 * from {@link StyleScope}), page classes stay as written, an external class of the component
 * takes the host attribute's classes in the parent's scope, and a component that shares styles
 * ({@code options.addGlobalClass}, {@code styleIsolation: apply-shared|shared}) keeps the
 * written name beside the scoped one.
 */
final class ClassNames {
    private ClassNames() {
    }

    static String of(Node element) {
        Object value = element.attributes().get("class");
        if (value == null || value == Boolean.TRUE) {
            return null;
        }
        List<String> out = new ArrayList<>();
        scoped(element.owner(), tokens(JsValues.toDisplayString(value)), out);
        return out.isEmpty() ? null : String.join(" ", out);
    }

    private static void scoped(Owner owner, List<String> classes, List<String> out) {
        if (owner.isPage()) {
            out.addAll(classes);
            return;
        }
        String prefix = StyleScope.prefixFor(owner.path());
        List<String> external = owner.info().externalClasses();
        boolean shared = shares(owner.info().options());
        for (String c : classes) {
            if (external.contains(c)) {
                Object hostValue = owner.root().attributes().get(c);
                if (hostValue != null && hostValue != Boolean.TRUE) {
                    scoped(owner.parent(), tokens(JsValues.toDisplayString(hostValue)), out);
                }
                continue;
            }
            out.add(prefix + "--" + c);
            if (shared) {
                out.add(c);
            }
        }
    }

    private static boolean shares(JsonNode options) {
        String isolation = options.path("styleIsolation").asText("");
        return options.path("addGlobalClass").asBoolean(false) || isolation.equals("apply-shared") || isolation.equals("shared");
    }

    private static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        for (String t : value.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }
}
