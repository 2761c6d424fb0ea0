package dev.ttrtc.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates, imports, includes, SJS modules, loops and conditions as a page renders them. */
class TemplateRenderTest extends ViewTestBase {

    @Test
    void templates_render_with_only_their_data_and_a_dynamic_name() throws Exception {
        MiniProgram app = launchPage("Page({ data: { secret: 'page-only', people: [{ name: 'ann', age: 3 }, { name: 'bo', age: 4 }],"
                + " o1: { a: 1 }, o2: { b: 2 } } });",
                "<template name=\"even\"><text class=\"p\">even {{name}} {{secret}}</text></template>"
                        + "<template name=\"odd\"><text class=\"p\">odd {{name}}</text></template>"
                        + "<template name=\"combo\"><text class=\"c\">{{a}}{{b}}{{e}}</text></template>"
                        + "<block tt:for=\"{{people}}\"><template is=\"{{item.age % 2 == 0 ? 'even' : 'odd'}}\" data=\"{{...item}}\"/></block>"
                        + "<template is=\"combo\" data=\"{{...o1, ...o2, e: 5}}\"/><template is=\"nope\"/>");
        assertEquals(List.of("odd ann", "even bo"), texts(app, ".p"));
        assertEquals(List.of("125"), texts(app, ".c"));
        assertEquals(List.of("pages/index/index.ttml:1:381: template \"nope\" is not defined in pages/index/index.ttml"
                + " or a file it imports directly; nothing is rendered"), entries(app, HostEvent.Kind.WARN));
    }

    @Test
    void imports_are_not_transitive_and_includes_inline_the_file() throws Exception {
        MiniProgram app = launch(Fixture.in(dir)
                .page("pages/index/index", "Page({ data: { title: 'T' } });",
                        "<import src=\"/tpl/b.ttml\"/><include src=\"/tpl/header.ttml\"/>"
                                + "<template is=\"fromB\"/><template is=\"fromA\"/>")
                .file("tpl/a.ttml", "<template name=\"fromA\"><text class=\"a\">A</text></template>")
                .file("tpl/b.ttml", "<import src=\"a.ttml\"/><template name=\"fromB\"><text class=\"b\">B</text>"
                        + "<template is=\"fromA\"/></template>")
                .file("tpl/header.ttml", "<template name=\"hidden\"><text/></template><view class=\"header\">{{title}}</view>")
                .write());
        assertEquals(List.of("T"), texts(app, ".header"));
        assertEquals(List.of("B"), texts(app, ".b"));
        assertEquals(List.of("A"), texts(app, ".a"), "b.ttml's own template sees what b.ttml imports");
        assertEquals(1, entries(app, HostEvent.Kind.WARN).size());
        assertTrue(entries(app, HostEvent.Kind.WARN).get(0).contains("template \"fromA\" is not defined in pages/index/index.ttml"));
    }

    @Test
    void a_subpackage_page_imports_templates_of_the_main_package_and_its_own_but_not_of_another_subpackage() throws Exception {
        Fixture project = Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<view/>")
                .appJson("\"subpackages\": [{\"root\": \"pkgA\", \"pages\": [\"pages/a/a\"]},"
                        + " {\"root\": \"pkgB\", \"pages\": [\"pages/b/b\"]}]")
                .file("pkgA/pages/a/a.js", "Page({});")
                .file("pkgA/pages/a/a.ttml", "<import src=\"/tpl/main.ttml\"/><import src=\"../../tpl/own.ttml\"/>"
                        + "<template is=\"main\"/><template is=\"own\"/>")
                .file("pkgB/pages/b/b.js", "Page({});")
                .file("pkgB/pages/b/b.ttml", "<view/>")
                .file("tpl/main.ttml", "<template name=\"main\"><text class=\"t\">main</text></template>")
                .file("pkgA/tpl/own.ttml", "<template name=\"own\"><text class=\"t\">own</text></template>")
                .file("pkgB/tpl/theirs.ttml", "<template name=\"theirs\"><text/></template>");
        MiniProgram app = launch(LaunchOptions.builder(project.write()).page("pkgA/pages/a/a"));
        assertEquals(List.of("main", "own"), texts(app, ".t"));
        project.file("pkgB/pages/b/b.ttml", "<view/>\n  <include src=\"/pkgA/tpl/own.ttml\"/>");
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project.write()));
        assertEquals("pkgB/pages/b/b.ttml:2:12: pkgA/tpl/own.ttml is in the subpackage \"pkgA\", and the subpackage"
                + " \"pkgB\" uses only its own files and the main package's", e.getMessage());
    }

    @Test
    void sjs_modules_from_files_and_inline_are_called_with_js_semantics() throws Exception {
        MiniProgram app = launch(Fixture.in(dir)
                .page("pages/index/index", "Page({ data: { t: 61000, list: ['x', 'y'], speakers: ['y'] } });",
                        "<sjs module=\"fmt\" src=\"../../utils/fmt.sjs\"/>"
                                + "<sjs module=\"inl\">var PREFIX = '#'; module.exports = { tag: function (s) { return PREFIX + s; } };</sjs>"
                                + "<text id=\"t\">{{fmt.clock(t)}} {{fmt.UNIT}} {{inl.tag(list[0])}}</text>"
                                + "<view tt:for=\"{{list}}\" class=\"row {{fmt.has(speakers, item) ? 'on' : ''}}\">{{item}}</view>")
                .file("utils/fmt.sjs", "var pad = require('./pad.sjs');\n"
                        + "function clock(ms) { var s = Math.floor(ms / 1000); return pad.two(Math.floor(s / 60)) + ':' + pad.two(s % 60); }\n"
                        + "module.exports = { clock: clock, UNIT: 'mm:ss', has: function (l, i) { return l.indexOf(i) >= 0; } };")
                .file("utils/pad.sjs", "module.exports = { two: function (n) { return n < 10 ? '0' + n : '' + n; } };")
                .write());
        assertEquals("01:01 mm:ss #x", $(app, "#t").text());
        assertEquals(List.of("row ", "row on"), app.view().$$(".row").stream().map(r -> r.attr("class").orElseThrow()).toList());
    }

    @Test
    void an_sjs_function_that_throws_is_an_error_entry_and_renders_nothing() throws Exception {
        MiniProgram app = launchPage("Page({});",
                "<sjs module=\"m\">module.exports = { boom: function () { return undefined_name; } };</sjs><text id=\"t\">[{{m.boom()}}]</text>");
        assertEquals("[]", $(app, "#t").text());
        assertEquals(List.of("pages/index/index.ttml:1:111: pages/index/index.ttml: ReferenceError: undefined_name is not defined"),
                entries(app, HostEvent.Kind.ERROR));
    }

    @Test
    void sjs_the_platform_rejects_fails_the_launch_with_its_location() {
        LaunchException e = assertThrows(LaunchException.class, () -> launchPage("Page({});",
                "<view/>\n<sjs module=\"m\">\nvar a = 1;\nlet b = 2;\n</sjs>"));
        assertEquals("pages/index/index.ttml:4:1: SJS does not support 'let' declarations (SJS has only var)", e.getMessage());
        LaunchException absolute = assertThrows(LaunchException.class, () -> launch(Fixture.in(dir)
                .page("pages/index/index", "Page({});", "<sjs module=\"m\" src=\"/m.sjs\"/>")
                .file("m.sjs", "var x = require('/other.sjs');").write()));
        assertEquals("m.sjs: Error: require(\"/other.sjs\"): SJS can require only a relative path to a .sjs file",
                absolute.getMessage());
    }

    @Test
    void loops_iterate_arrays_objects_strings_and_numbers() throws Exception {
        MiniProgram app = launchPage("Page({ data: { obj: { a: 1, b: 2 }, word: 'hey', n: 3 } });",
                "<text class=\"o\" tt:for=\"{{obj}}\">{{index}}={{item}}</text>"
                        + "<text class=\"s\" tt:for=\"{{word}}\" tt:for-item=\"ch\">{{ch}}</text>"
                        + "<text class=\"n\" tt:for=\"{{n}}\">{{item}}</text>"
                        + "<text class=\"l\" tt:for=\"ab\">{{item}}</text>"
                        + "<view tt:for=\"{{[1, 2]}}\" tt:for-item=\"outer\" class=\"nest\">"
                        + "<text tt:for=\"{{[3, 4]}}\">{{outer}}{{item}}</text></view>");
        assertEquals(List.of("a=1", "b=2"), texts(app, ".o"));
        assertEquals(List.of("h", "e", "y"), texts(app, ".s"));
        assertEquals(List.of("0", "1", "2"), texts(app, ".n"));
        assertEquals(List.of("a", "b"), texts(app, ".l"));
        assertEquals(List.of("13 14", "23 24"), texts(app, ".nest"));
    }

    @Test
    void conditions_switch_branches_and_recreate_them() throws Exception {
        MiniProgram app = launchPage("Page({ data: { n: 1 }, set(e) { this.setData({ n: e.detail.n }); } });",
                "<view class=\"b\" tt:if=\"{{n == 1}}\">one</view><view class=\"b\" tt:elif=\"{{n == 2}}\">two</view>"
                        + "<view class=\"b\" tt:else>many</view>");
        assertEquals(List.of("one"), texts(app, ".b"));
        int first = $(app, ".b").nodeId();
        get(app.callPageMethod("set", new dev.ttrtc.runtime.PageEvent("tap", json("{\"n\":2}"), null)));
        assertEquals(List.of("two"), texts(app, ".b"));
        get(app.callPageMethod("set", new dev.ttrtc.runtime.PageEvent("tap", json("{\"n\":1}"), null)));
        assertEquals(List.of("one"), texts(app, ".b"));
        assertTrue($(app, ".b").nodeId() != first, "a branch shown again is created anew");
    }

    @Test
    void duplicate_and_missing_keys_warn_once() throws Exception {
        MiniProgram app = launchPage("Page({ data: { l: [{ id: 1 }, { id: 1 }, {}] } });",
                "<view tt:for=\"{{l}}\" tt:key=\"id\" class=\"r\">{{index}}</view>");
        assertEquals(List.of("0", "1", "2"), texts(app, ".r"));
        assertEquals(List.of("pages/index/index.ttml:1:22: tt:key values repeat in this list (\"1\"); repeated items are matched by position",
                "pages/index/index.ttml:1:22: tt:key=\"id\" is not a string or number field of every item;"
                + " items are matched by position"), entries(app, HostEvent.Kind.WARN));
    }
}
