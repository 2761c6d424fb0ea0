package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.DataPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The top page's data as the embedder reads it ({@code MiniProgram.pageData()}): the data at
 * the page's show, plus the setData patches since, applied when someone reads or when
 * {@link #FOLD_AT} of them wait. setData then costs the loop little more than handing over its
 * patch, however large the page's data is, and a page nobody reads holds no more than that many
 * patches. Thread-safe.
 */
final class PageData {
    static final PageData EMPTY = new PageData(JsonNodeFactory.instance.objectNode());
    /** Patches kept unapplied at most: enough to spare a busy page's loop most of the work. */
    static final int FOLD_AT = 64;

    private final ObjectNode data;
    // Guarded by this.
    private final List<ObjectNode> pending = new ArrayList<>();

    PageData(ObjectNode data) {
        this.data = data;
    }

    synchronized void patch(ObjectNode patch) {
        pending.add(patch);
        if (pending.size() >= FOLD_AT) {
            fold();
        }
    }

    /** A copy of the data with every patch so far applied. */
    synchronized JsonNode copy() {
        fold();
        return data.deepCopy();
    }

    /** Patches received and not applied yet. */
    synchronized int unapplied() {
        return pending.size();
    }

    // Guarded by this.
    private void fold() {
        for (ObjectNode patch : pending) {
            DataPaths.apply(data, patch);
        }
        pending.clear();
    }
}
