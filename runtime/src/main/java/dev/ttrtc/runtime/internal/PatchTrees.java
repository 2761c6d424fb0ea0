package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON of setData patches for the page snapshot (when setData is called) and the view
 * (at the end of the batch). The top page's patch reaches both as the same text, so the last
 * text read is kept parsed and both get the same tree: they only read it ({@code DataPaths}
 * copies the values it applies). Loop thread only.
 */
final class PatchTrees {
    private final EventLoop loop;
    private String lastText;
    private ObjectNode lastTree;

    PatchTrees(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * The tree of a patch's JSON text (an object, as setData writes it), shared: never change it.
     *
     * @throws HostLimitException when the text is past the host's limits for data from JS
     */
    ObjectNode read(String json) {
        loop.assertInLoop();
        if (!json.equals(lastText)) {
            lastTree = (ObjectNode) JsBridge.parse(json);
            lastText = json;
        }
        return lastTree;
    }
}
