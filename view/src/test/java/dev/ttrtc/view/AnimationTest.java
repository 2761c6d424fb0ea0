package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** tt.createAnimation's export in an element's animation attribute. */
class AnimationTest extends ViewTestBase {
    private static final String PAGE = "Page({ data: { a: null },"
            + " onLoad() { this.animation = tt.createAnimation({ duration: 300, timingFunction: 'ease' }); },"
            + " turn() { this.setData({ a: this.animation.rotate(45).width(80).step().scale(2).opacity(0.5)"
            + "   .step({ duration: 200, delay: 50, transformOrigin: 'left top' }).export() }); },"
            + " back() { this.setData({ a: this.animation.rotate(0).scale(1).translate(10, '2rpx').step({ duration: 0 }).export() }); },"
            + " peek() { console.log(JSON.stringify(tt.createAnimation().translateX(5).step().export()),"
            + "   JSON.stringify(this.animation.export())); } });";

    @Test
    void the_element_shows_the_state_after_the_last_step_with_its_own_style_first() throws Exception {
        MiniProgram app = launchPage(PAGE, "<view id=\"box\" style=\"color: red\" animation=\"{{a}}\"/><view id=\"plain\" animation=\"{{a}}\"/>");
        assertEquals("color: red", styleOf(app, "box"));
        RecordingListener ops = record(app);
        call(app, "turn");
        waitUntil(() -> ops.kinds().contains("attrs"));
        assertEquals("color: red; width: 80px; opacity: 0.5; transform: rotate(45deg) scale(2); transform-origin: left top;"
                + " transition: all 550ms ease 0ms", styleOf(app, "box"));
        assertEquals("width: 80px; opacity: 0.5; transform: rotate(45deg) scale(2); transform-origin: left top;"
                + " transition: all 550ms ease 0ms", styleOf(app, "plain"),
                "the steps' time: 300 + 200 ms and the second step's 50 ms delay");
        call(app, "back");
        assertEquals("width: 80px; opacity: 0.5; transform: rotate(0deg) scale(1) translate(10px, 1.048px);"
                + " transform-origin: 50% 50% 0; transition: all 0ms ease 0ms", styleOf(app, "plain"),
                "a later export plays over what the earlier left; a string argument stays as written, its rpx in px");
    }

    /** The style attribute of the element with this id as the page's HTML has it. */
    private static String styleOf(MiniProgram app, String id) {
        Matcher m = Pattern.compile(" id=\"" + id + "\"(?: style=\"([^\"]*)\")?").matcher(app.view().html());
        return m.find() && m.group(1) != null ? m.group(1) : "";
    }

    @Test
    void an_export_is_plain_data_and_forgets_its_steps() throws Exception {
        MiniProgram app = launchPage(PAGE, "<view/>");
        call(app, "peek");
        assertEquals(List.of("{\"actions\":[{\"animates\":[{\"type\":\"translateX\",\"args\":[5]}],\"option\":{\"transition\":"
                + "{\"duration\":400,\"timingFunction\":\"linear\",\"delay\":0},\"transformOrigin\":\"50% 50% 0\"}}]}"
                + " {\"actions\":[]}"), console(app));
    }
}
