package dev.ttrtc.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.List;
import java.util.Map;

/**
 * A contributed built-in, found through ServiceLoader as the bridge's rtc-room will be: it sees
 * the instance it renders for, contributes attributes, HTML and a {@code binderror}.
 */
public final class TestRoomProvider implements ComponentProvider {
    @Override
    public String tag() {
        return "test-room";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("user-id", ""), AttributeSpec.string("mode", "camera"));
    }

    @Override
    public String baseCss() {
        return "tt-test-room { display: block; background: #000; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new ElementBehavior() {
            {
                if (element.string("user-id").isEmpty()) {
                    element.later(() -> element.emit("error", JsonNodeFactory.instance.objectNode()
                            .put("errNo", 21200).put("errMsg", "rtc-room is not available")));
                }
            }

            @Override
            public void htmlAttributes(Map<String, String> out) {
                out.put("mode", element.string("mode"));
                out.put("data-instance", element.instanceId());
            }

            @Override
            public boolean showsChildren() {
                return false;
            }

            @Override
            public void innerHtml(HtmlOut out) {
                out.element("span", Map.of("class", "user"), element.string("user-id"));
            }

            @Override
            public void attributesChanged() {
                element.invalidate();
            }
        };
    }
}
