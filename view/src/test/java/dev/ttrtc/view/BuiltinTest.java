package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The built-in components' attributes, HTML and events, and a component contributed through the SPI. */
class BuiltinTest extends ViewTestBase {

    @Test
    void buttons_render_their_documented_types_and_sizes_and_warn_about_others() throws Exception {
        MiniProgram app = launchPage("Page({ data: { busy: true } });",
                "<button id=\"p\" type=\"primary\" size=\"mini\" loading=\"{{busy}}\">Go</button>"
                        + "<button id=\"w\" type=\"warn\" plain>Leave</button><button id=\"d\" disabled>Off</button>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-button data-nid=\"2\" id=\"p\" type=\"primary\" size=\"mini\" loading=\"\">"), html);
        assertTrue(html.contains("id=\"w\" type=\"default\" size=\"default\">"), html);
        assertTrue(html.contains("id=\"d\" type=\"default\" size=\"default\" disabled=\"\">"), html);
        assertEquals(List.of(
                "pages/index/index.ttml:1:73: <button> type=\"warn\" is not a Douyin button type (primary or default); it renders as default",
                "pages/index/index.ttml:1:73: <button> plain is not a Douyin button attribute; it is ignored"),
                entries(app, HostEvent.Kind.WARN));
        assertTrue(app.view().css().contains("tt-button[type=primary]"));
    }

    @Test
    void an_image_shows_a_project_file_with_its_mode_and_announces_load_or_error() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Files.createDirectories(dir.resolve("images"));
        ImageIO.write(image, "png", dir.resolve("images/logo.png").toFile());
        MiniProgram app = launch(Fixture.in(dir).page("pages/index/index",
                "Page({ loaded(e) { console.log('load', JSON.stringify(e.detail)); },"
                        + " failed(e) { console.log('error', e.detail.errMsg); } });",
                "<image id=\"a\" src=\"../../images/logo.png\" mode=\"aspectFit\" bindload=\"loaded\"/>"
                        + "<image id=\"b\" src=\"/images/missing.png\" binderror=\"failed\"/>").write());
        waitUntil(() -> console(app).size() == 2);
        assertEquals(List.of("load {\"width\":64,\"height\":48}", "error GET /images/missing.png 404 (Not Found)"), console(app));
        assertTrue(app.view().html().contains("<tt-image data-nid=\"2\" id=\"a\" mode=\"aspectFit\"><img src=\"/images/logo.png\""),
                app.view().html());
    }

    @Test
    void text_decodes_entities_and_keeps_spaces_when_asked() throws Exception {
        MiniProgram app = launchPage("Page({});",
                "<text id=\"a\" decode>a&lt;b&gt;&amp;</text><text id=\"b\">a&lt;b</text><text id=\"c\" space=\"nbsp\">a  b</text>");
        assertEquals("a<b>&", $(app, "#a").text());
        assertEquals("a&lt;b", $(app, "#b").text());
        assertEquals("a\u00a0\u00a0b", $(app, "#c").text());
    }

    @Test
    void an_input_renders_a_real_input_with_its_placeholder() throws Exception {
        MiniProgram app = launchPage("Page({});",
                "<input id=\"a\" placeholder=\"room id\" value=\"x\"/><input id=\"b\" password disabled/>");
        String html = app.view().html();
        assertTrue(html.contains("<tt-input data-nid=\"2\" id=\"a\"><input type=\"text\" value=\"x\" placeholder=\"room id\""
                + " maxlength=\"140\"></tt-input>"), html);
        assertTrue(html.contains("<input type=\"password\" value=\"\" disabled=\"\" maxlength=\"140\">"), html);
    }

    @Test
    void a_contributed_component_renders_its_html_sees_its_instance_and_raises_its_events() throws Exception {
        MiniProgram app = launchPage("Page({ data: { who: 'bob' }, failed(e) { console.log('binderror', JSON.stringify(e.detail)); },"
                + " rename() { this.setData({ who: 'carol' }); } });",
                "<test-room id=\"r\" user-id=\"{{who}}\" mode=\"video\"/><test-room binderror=\"failed\"/>");
        assertTrue(app.view().html().contains("<tt-test-room data-nid=\"2\" id=\"r\" mode=\"video\" data-instance=\"" + app.id()
                + "\"><span class=\"user\">bob</span></tt-test-room>"), app.view().html());
        waitForConsole(app, "binderror {\"errNo\":21200,\"errMsg\":\"rtc-room is not available\"}");
        RecordingListener ops = record(app);
        call(app, "rename");
        assertEquals(List.of("replace"), ops.kinds());
        assertTrue(ops.ops.get(0).get("html").asText().contains("<span class=\"user\">carol</span>"));
        assertTrue(app.view().css().contains("tt-test-room { display: block; background: #000; }"));
        assertEquals(List.of(), entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void unknown_tags_are_plain_containers_with_one_warning_each() throws Exception {
        MiniProgram app = launchPage("Page({ data: { list: [1, 2] } });",
                "<marquee tt:for=\"{{list}}\"><text>{{item}}</text></marquee><web-view src=\"https://example.com/\"/>");
        assertEquals("1", app.view().$$("marquee").get(0).text());
        assertEquals(List.of("pages/index/index.ttml:1:1: unknown tag <marquee>: rendered as a plain container"
                + " (it is neither a built-in component nor in usingComponents of pages/index/index)",
                "pages/index/index.ttml:1:59: <web-view> is a built-in component of the platform that tt-rtc-host does not have"
                + " (it would show pages from the network, and the host talks only to this machine): rendered as a plain container"),
                entries(app, HostEvent.Kind.WARN));
    }
}
