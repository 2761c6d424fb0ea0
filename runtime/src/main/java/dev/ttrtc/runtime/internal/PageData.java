package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.DataPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The top page's data as the embedder reads it ({@code MiniProgram.pageData()}): the data at
 * the page's show, plus the setData patches since, applied only when someone reads. setData
 * then costs the loop no more than handing over its patch, however large the page's data is.
 * Thread-safe.
 */
final class PageData {
    static final PageData EMPTY = new PageData(JsonNodeFactory.instance.objectNode());

    private final ObjectNode data;
    // Guarded by this.
    private final List<ObjectNode> pending = new ArrayList<>();

    PageData(ObjectNode data) {
        this.data = data;
    }

    synchronized void patch(ObjectNode patch) {
        pending.add(patch);
    }

    /** A copy of the data with every patch so far applied. */
    synchronized JsonNode copy() {
        for (ObjectNode patch : pending) {
            DataPaths.apply(data, patch);
        }
        pending.clear();
        return data.deepCopy();
    }
}
