package dev.ttrtc.view.internal.tree;

/**
 * What a render changed in the live tree, in the order mirrors must apply it. Turned into
 * patch ops (with HTML) by the view layer.
 */
public sealed interface Change {

    /** A new node (with its whole subtree) before {@code before} (null: at the end). */
    record Insert(Node parent, Node before, Node node) implements Change {
    }

    record Remove(Node node) implements Change {
    }

    /** An existing node moved before {@code before} (null: to the end) of {@code parent}. */
    record Move(Node node, Node parent, Node before) implements Change {
    }

    record Text(Node node) implements Change {
    }

    /** The node's attributes changed; its HTML attributes may have. */
    record Attributes(Node node) implements Change {
    }

    /** A built-in's own inner HTML changed (its children are unaffected). */
    record Replace(Node node) implements Change {
    }

    /** A form control's value changed on the view side. */
    record Value(Node node) implements Change {
    }
}
