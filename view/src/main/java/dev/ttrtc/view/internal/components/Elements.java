package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.function.Consumer;

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
        walk(node(context), type, stopAt, visit);
    }

    private static <T> void walk(Node node, Class<T> type, Class<?> stopAt, Consumer<T> visit) {
        for (Node child : node.children()) {
            if (child.isText()) {
                continue;
            }
            ElementBehavior b = Builtins.behavior(child);
            if (type.isInstance(b)) {
                visit.accept(type.cast(b));
            }
            if (!stopAt.isInstance(b)) {
                walk(child, type, stopAt, visit);
            }
        }
    }
}
