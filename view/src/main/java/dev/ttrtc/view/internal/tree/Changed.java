package dev.ttrtc.view.internal.tree;

import dev.ttrtc.view.internal.ttml.DataReads;
import dev.ttrtc.view.internal.ttml.TNode;
import java.util.Set;

/**
 * What a render must evaluate again: everything (a first render, new properties, slot content),
 * nothing (a template called with unchanged data), or the nodes that read the top-level fields
 * a {@code setData} changed. A node it does not reach is rendered only if no live node takes
 * its place.
 */
final class Changed {
    static final Changed EVERYTHING = new Changed(null, null);
    static final Changed NOTHING = new Changed(new String[0], null);

    private final String[] fields;
    private final DataReads reads;

    private Changed(String[] fields, DataReads reads) {
        this.fields = fields;
        this.reads = reads;
    }

    /** The top-level fields a setData changed, for the body whose reads are given. */
    static Changed fields(Set<String> fields, DataReads reads) {
        return new Changed(fields.toArray(String[]::new), reads);
    }

    boolean reaches(TNode node) {
        if (fields == null) {
            return true;
        }
        return fields.length > 0 && reads.of(node).meets(fields);
    }

    /** Inside a template call: everything when the call's name or data may have changed, else nothing. */
    Changed inside(TNode.Call call) {
        return reaches(call) ? EVERYTHING : NOTHING;
    }
}
