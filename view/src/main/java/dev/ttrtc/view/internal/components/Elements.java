package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.function.Consumer;
import java.util.function.Function;

/** Tree walks the view's own built-ins share (a button finding its form, a form its fields). */
final class Elements {
    private Elements() {
    }

    static Node node(ElementContext context) {
        return ((RealElementContext) context).node();
    }

    /** The nearest ancestor whose behavior is of {@code type}, or null. */
    static <T> T ancestor(ElementContext context, Class<T> type) {
        for (Node n = node(context).parent(); n != null; n = n.parent()) {
            ElementBehavior b = Builtins.behavior(n);
            if (type.isInstance(b)) {
                return type.cast(b);
            }
        }
        return null;
    }

    /** Every descendant behavior of {@code type}, in document order (not inside nested {@code stopAt} ones). */
    static <T> void descendants(ElementContext context, Class<T> type, Class<?> stopAt, Consumer<T> visit) {
        walk(node(context), child -> type.isInstance(Builtins.behavior(child)) ? type.cast(Builtins.behavior(child)) : null,
                stopAt, visit);
    }

    /**
     * Every field a form submits, in document order: the built-in controls, and the hosts of
     * components with the {@code tt://form-field} behavior (not inside a nested {@code stopAt}).
     */
    static void formFields(ElementContext form, Class<?> stopAt, Consumer<FormField> visit) {
        walk(node(form), child -> {
            if (Builtins.behavior(child) instanceof FormField field) {
                return field;
            }
            Owner component = child.component();
            return component != null && component.info() != null && component.info().formField()
                    ? new ComponentFormField(component) : null;
        }, stopAt, visit);
    }

    private static <T> void walk(Node node, Function<Node, T> match, Class<?> stopAt, Consumer<T> visit) {
        for (Node child : node.children()) {
            if (child.isText()) {
                continue;
            }
            T found = match.apply(child);
            if (found != null) {
                visit.accept(found);
            }
            if (!stopAt.isInstance(Builtins.behavior(child))) {
                walk(child, match, stopAt, visit);
            }
        }
    }
}
