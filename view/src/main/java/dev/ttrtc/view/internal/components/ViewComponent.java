package dev.ttrtc.view.internal.components;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;

/** {@code <view>}: a block container. Hover attributes are accepted; there is no hover without a pointer. */
final class ViewComponent implements ComponentProvider {
    @Override
    public String tag() {
        return "view";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("hover-class", "none"), AttributeSpec.bool("hover-stop-propagation", false),
                AttributeSpec.number("hover-start-time", 50), AttributeSpec.number("hover-stay-time", 400));
    }

    @Override
    public String baseCss() {
        return "tt-view { display: block; }";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new ElementBehavior() { };
    }
}
