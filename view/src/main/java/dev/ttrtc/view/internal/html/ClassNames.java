package dev.ttrtc.view.internal.html;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttss.StyleIsolation;
import dev.ttrtc.view.internal.ttss.StyleScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML {@code class} of an element, with component style isolation as {@link StyleScope}
 * names it for the TTSS compiler: page classes stay as written, a class written in a component's
 * template takes the names its isolation gives it, and an external class of the component takes
 * the host attribute's classes in the parent's scope.
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
        StyleScope scope = StyleScope.component(owner.path(), StyleIsolation.fromOptions(owner.info().options()));
        List<String> external = owner.info().externalClasses();
        for (String c : classes) {
            if (external.contains(c)) {
                Object hostValue = owner.root().attributes().get(c);
                if (hostValue != null && hostValue != Boolean.TRUE) {
                    scoped(owner.parent(), tokens(JsValues.toDisplayString(hostValue)), out);
                }
                continue;
            }
            out.addAll(scope.htmlClasses(c));
        }
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
