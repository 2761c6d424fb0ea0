package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.EventOptions;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import dev.ttrtc.runtime.view.ViewLayer;
import dev.ttrtc.runtime.view.ViewListener;
import java.util.List;
import java.util.Optional;

/** The view of an instance with no view module on the class path: it renders nothing. */
final class NoViewLayer implements ViewLayer {
    static final NoViewLayer INSTANCE = new NoViewLayer();
    private static final String NO_VIEW = "no view layer: the tt-rtc-host view module is not on the class path,"
            + " so this instance runs its logic layer only";

    private NoViewLayer() {
    }

    @Override
    public void pageCreated(int pageId, String route, ObjectNode data) {
    }

    @Override
    public void pageShown(int pageId) {
    }

    @Override
    public void pageUnloaded(int pageId) {
    }

    @Override
    public void dataChanged(int ownerId, ObjectNode patch) {
    }

    @Override
    public void componentEvent(int componentId, String name, JsonNode detail, EventOptions options) {
    }

    @Override
    public List<Integer> selectComponents(int ownerId, String selector, boolean all) {
        return List.of();
    }

    @Override
    public JsonNode querySelector(JsonNode requests) {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        requests.forEach(r -> results.addNull());
        return results;
    }

    @Override
    public String pageScrollTo(int pageId, JsonNode options) {
        return null;
    }

    @Override
    public void elementCommand(int ownerId, String tag, String elementId, String command, JsonNode args) {
    }

    @Override
    public InstanceView consumerView() {
        return NoView.INSTANCE;
    }

    @Override
    public void close() {
    }

    /** Every query of a view-less instance fails with one clear message. */
    private static final class NoView implements InstanceView {
        static final NoView INSTANCE = new NoView();

        @Override
        public Optional<ViewElement> $(String selector) {
            throw new IllegalStateException(NO_VIEW);
        }

        @Override
        public List<ViewElement> $$(String selector) {
            throw new IllegalStateException(NO_VIEW);
        }

        @Override
        public String route() {
            throw new IllegalStateException(NO_VIEW);
        }

        @Override
        public String html() {
            throw new IllegalStateException(NO_VIEW);
        }

        @Override
        public String css() {
            throw new IllegalStateException(NO_VIEW);
        }

        @Override
        public AutoCloseable addListener(ViewListener listener) {
            throw new IllegalStateException(NO_VIEW);
        }
    }
}
