package dev.ttrtc.bridge.view;

import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import java.util.List;

/**
 * {@code <rtc-room user-id mode binderror>}: the video of one user of the instance's room, as
 * the mini-program receives it (its own camera preview with {@code mode="camera"}, a member's
 * camera with {@code video}, a member's screen share with {@code screen}). The element names its
 * video tile ({@code data-tile="<user>/video|screen"}); a mirror that has the decoded pictures
 * (the simulator page) shows them there. The docs' sample also writes {@code userId}, so that
 * spelling is read as well.
 */
public final class RtcRoomComponent implements ComponentProvider {

    @Override
    public String tag() {
        return "rtc-room";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("user-id", ""), AttributeSpec.string("userId", ""),
                AttributeSpec.string("mode", "camera"));
    }

    @Override
    public String baseCss() {
        return "tt-rtc-room{display:block;position:relative;width:100%;aspect-ratio:4/3;background:#000;overflow:hidden}"
                + "tt-rtc-room>img{display:block;width:100%;height:100%;object-fit:cover}"
                + "tt-rtc-room>.tt-rtc-room-label{position:absolute;left:4px;bottom:4px;color:#fff;font-size:11px;"
                + "background:rgba(0,0,0,.55);padding:0 4px;border-radius:3px}";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new RtcRoomElement(element);
    }
}
