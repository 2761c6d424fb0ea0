package dev.ttrtc.view.internal.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * What one render pass produced: the changes for mirrors, and the components whose lifetimes
 * run when it ends (attached in tree order, parent first; detached likewise; moved).
 */
public final class RenderPass {
    final List<Change> changes = new ArrayList<>();
    final List<Owner> created = new ArrayList<>();
    final List<Owner> removed = new ArrayList<>();
    final List<Owner> moved = new ArrayList<>();

    /** Components created in this pass, parent before child. */
    public List<Owner> created() {
        return created;
    }

    /** Components whose host a keyed list moved. */
    public List<Owner> moved() {
        return moved;
    }

    /** Components removed from the tree, parent before child. */
    public List<Owner> removed() {
        return removed;
    }

    public List<Change> changes() {
        return changes;
    }

    public void add(Change change) {
        changes.add(change);
    }
}
