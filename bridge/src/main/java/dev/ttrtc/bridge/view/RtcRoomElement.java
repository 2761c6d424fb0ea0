package dev.ttrtc.bridge.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.Map;

/**
 * One {@code rtc-room} element: its tile in the HTML, and {@code binderror} when the platform
 * could not create the window (see {@link RtcRoomCheck}). Checked when it enters the tree and
 * when its user or mode changes; one problem is reported once.
 */
final class RtcRoomElement implements ElementBehavior {
    private final ElementContext element;
    private String reported;

    RtcRoomElement(ElementContext element) {
        this.element = element;
        element.later(this::check);
    }

    /** The user the element shows: {@code user-id}, or the docs sample's {@code userId}. */
    String userId() {
        return element.has("user-id") ? element.string("user-id") : element.string("userId");
    }

    String mode() {
        return element.string("mode");
    }

    /** {@code <user>/video} or {@code <user>/screen}: the tile whose pictures this element shows. */
    String tile() {
        return userId() + ("screen".equals(mode()) ? "/screen" : "/video");
    }

    @Override
    public void attributesChanged() {
        element.later(this::check);
    }

    @Override
    public void htmlAttributes(Map<String, String> out) {
        out.put("data-user-id", userId());
        out.put("data-mode", mode());
        out.put("data-tile", tile());
    }

    @Override
    public void innerHtml(HtmlOut out) {
        out.element("span", Map.of("class", "tt-rtc-room-label"), userId() + ("screen".equals(mode()) ? " · screen" : ""));
    }

    @Override
    public boolean showsChildren() {
        return false;
    }

    private void check() {
        RtcRoomCheck.Problem problem = RtcRoomCheck.check(element, userId(), mode());
        String key = problem == null ? null : problem.errNo() + " " + userId() + " " + mode();
        if (problem == null || key.equals(reported)) {
            reported = key;
            return;
        }
        reported = key;
        element.warn("rtc-room " + problem.why());
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("errNo", problem.errNo());
        detail.put("errMsg", problem.errMsg());
        element.emit("error", detail);
    }
}
