package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.view.internal.ttss.StyleScope;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The page's CSS as the view joins it: base styles, app.ttss, the components it uses, its own TTSS. */
class PageStyleTest extends ViewTestBase {

    private Path project(String pageTtss) {
        return Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<view class=\"box\" style=\"width: 375rpx\"><my-card/></view>")
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}")
                .file("pages/index/index.ttss", pageTtss)
                .file("app.ttss", ".from-app { margin: 10rpx; }")
                .component("components/card/card", "Component({});", "<text class=\"title\">card</text>", "")
                .file("components/card/card.ttss", ":host { display: block; } .title { color: red; }")
                .write();
    }

    @Test
    void app_component_and_page_styles_join_in_that_order_with_rpx_in_px_and_scoped_component_classes() throws Exception {
        MiniProgram app = launch(project(".from-page { padding: 20rpx; }"));
        String css = app.view().css();
        String prefix = StyleScope.prefixFor("components/card/card");
        int appRule = css.indexOf(".from-app");
        int componentRule = css.indexOf("." + prefix + "--title");
        int pageRule = css.indexOf(".from-page");
        assertTrue(appRule >= 0 && componentRule > appRule && pageRule > componentRule, css);
        assertTrue(css.contains("[tt-host=\"" + prefix + "\"]"), "the :host rule selects the host element: " + css);
        // 393 px wide: 750 rpx span the window.
        assertTrue(css.contains("10.48px"), css);
        String html = app.view().html();
        assertTrue(html.contains("style=\"width: 196.5px\""), html);
        assertTrue(html.contains("tt-host=\"" + prefix + "\""), html);
        assertTrue(html.contains("class=\"" + prefix + "--title\""), html);
    }

    @Test
    void a_stylesheet_that_does_not_compile_fails_the_launch_with_its_location() {
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project(".box { color: red;\n@import \"missing.ttss\";")));
        assertTrue(e.getMessage().startsWith("pages/index/index.ttss:2:"), e.getMessage());
    }

    @Test
    void an_independent_subpackage_page_gets_no_app_ttss_and_no_stylesheet_imports_across_packages() throws Exception {
        Fixture project = Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<view/>")
                .appJson("\"subpackages\": [{\"root\": \"free\", \"pages\": [\"pages/a/a\"], \"independent\": true},"
                        + " {\"root\": \"pkg\", \"pages\": [\"pages/b/b\"]}]")
                .file("app.ttss", ".from-app { margin: 1px; }")
                .file("free/pages/a/a.js", "Page({});")
                .file("free/pages/a/a.ttml", "<view/>")
                .file("free/pages/a/a.ttss", ".from-free { margin: 2px; }")
                .file("pkg/pages/b/b.js", "Page({});")
                .file("pkg/pages/b/b.ttml", "<view/>");
        MiniProgram free = launch(LaunchOptions.builder(project.write()).page("free/pages/a/a"));
        assertTrue(free.view().css().contains(".from-free") && !free.view().css().contains(".from-app"), free.view().css());
        MiniProgram ordinary = launch(LaunchOptions.builder(project.write()).page("pkg/pages/b/b"));
        assertTrue(ordinary.view().css().contains(".from-app"), ordinary.view().css());

        project.file("free/pages/a/a.ttss", "\n@import \"/styles/common.ttss\";").file("styles/common.ttss", ".c { }");
        assertEquals("free/pages/a/a.ttss:2:1: `@import \"/styles/common.ttss\"`: styles/common.ttss is in the main package,"
                + " and the independent subpackage \"free\" uses only its own files",
                assertThrows(LaunchException.class, () -> launch(project.write())).getMessage());
        project.file("free/pages/a/a.ttss", "").file("pages/index/index.ttss", "@import \"../../pkg/b.ttss\";").file("pkg/b.ttss", "");
        assertEquals("pages/index/index.ttss:1:1: `@import \"../../pkg/b.ttss\"`: pkg/b.ttss is in the subpackage \"pkg\","
                + " which the main package's files cannot use",
                assertThrows(LaunchException.class, () -> launch(project.write())).getMessage());
    }

    @Test
    void stylesheet_warnings_become_warn_entries_once() throws Exception {
        MiniProgram app = launch(project("* { color: red; }"));
        long warnings = app.events().snapshot(e -> e.kind() == HostEvent.Kind.WARN && e.text().startsWith("pages/index/index.ttss"))
                .size();
        assertEquals(1, warnings);
    }
}
