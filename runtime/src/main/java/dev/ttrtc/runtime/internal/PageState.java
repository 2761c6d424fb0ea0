package dev.ttrtc.runtime.internal;

import java.util.List;
import java.util.Map;

/**
 * The top page as of the last navigation: its route, query and stack (immutable; an instance
 * swaps in a new one from its loop thread), and its data, which setData patches.
 */
record PageState(String route, Map<String, String> query, List<String> stack, PageData data) {
    static final PageState EMPTY = new PageState("", Map.of(), List.of(), PageData.EMPTY);
}
