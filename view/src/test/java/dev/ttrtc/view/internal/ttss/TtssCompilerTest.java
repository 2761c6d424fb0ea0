package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole files through the compiler: what reaches the CSS, and what is reported. */
class TtssCompilerTest {

    private static CompiledStyle page(String ttss) throws TtssException {
        return new TtssCompiler(new ProjectFilesInMemory().with("pages/index/index.ttss", ttss), 375)
                .compilePage("pages/index/index");
    }

    @Test
    void a_page_without_a_stylesheet_has_empty_css() throws TtssException {
        CompiledStyle style = new TtssCompiler(new ProjectFilesInMemory(), 375).compilePage("pages/index/index");
        assertFalse(style.exists());
        assertEquals("pages/index/index.ttss", style.file());
        assertEquals("", style.css());
        assertEquals(List.of(), style.warnings());
    }

    @Test
    void app_ttss_is_read_from_the_project_root() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("app.ttss", ".a { color: red; }");
        CompiledStyle app = new TtssCompiler(files, 375).compileApp();
        assertTrue(app.exists());
        assertEquals(".a { color:red; }\n", app.css());
        assertEquals(StyleScope.page(), app.scope());
    }

    @Test
    void a_route_with_a_leading_slash_names_the_same_page() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("pages/a/a.ttss", ".a { color: red; }");
        assertEquals(".a { color:red; }\n", new TtssCompiler(files, 375).compilePage("/pages/a/a").css());
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_selector() throws TtssException {
        assertEquals(".a { color:red; }\n", page("\uFEFF.a { color: red }").css());
    }

    @Test
    void a_route_leading_outside_the_project_is_refused_before_anything_is_read() {
        ProjectFilesInMemory files = new ProjectFilesInMemory();
        assertThrows(IllegalArgumentException.class, () -> new TtssCompiler(files, 375).compilePage("../outside/page"));
        assertThrows(IllegalArgumentException.class, () -> new TtssCompiler(files, 375).compileComponent("a/../../b", null));
        assertEquals(List.of(), files.reads());
    }

    @Test
    void rpx_in_declarations_becomes_px_for_the_window_width() throws TtssException {
        assertEquals(".a {\n  width:50px;\n  margin:0 -10px 5.25px auto;\n}\n",
                page(".a { width: 100rpx; margin: 0 -20rpx 10.5rpx auto }").css());
    }

    @Test
    void important_survives() throws TtssException {
        assertEquals(".a { width:50px !important; }\n", page(".a { width: 100rpx !important }").css());
    }

    @Test
    void comments_are_not_kept() throws TtssException {
        assertEquals(".a { color:red; }\n", page("/* header */\n.a { /* why */ color: red; }\n/* end */").css());
    }

    @Test
    void values_round_trip_unchanged_apart_from_whitespace() throws TtssException {
        String css = page(".a { color: #FFF; transition: all .3s cubic-bezier(.25,.1,.25,1); "
                + "font-family: 'PingFang SC', sans-serif; content: \"\\201C\"; --gap: 20rpx; margin: var(--gap); "
                + "background: url(\"/img/a.png\") no-repeat center / cover }").css();
        assertEquals(".a {\n  color:#FFF;\n  transition:all .3s cubic-bezier(.25,.1,.25,1);\n"
                + "  font-family:'PingFang SC',sans-serif;\n  content:\"\\201C\";\n  --gap:10px;\n  margin:var(--gap);\n"
                + "  background:url('/img/a.png') no-repeat center/cover;\n}\n", css);
    }

    @Test
    void keyframes_media_and_font_face_pass_through_with_rpx_converted() throws TtssException {
        String css = page("@keyframes grow { from { width: 0 } 50% { width: 375rpx } to { width: 750rpx } }\n"
                + "@media (min-width: 750rpx) { .a { padding: 20rpx } }\n"
                + "@font-face { font-family: Icons; src: url('icons.woff') format('woff') }").css();
        assertEquals("@keyframes grow {\n  from { width:0; }\n  50% { width:187.5px; }\n  to { width:375px; }\n}\n"
                + "@media (min-width:375px) {\n  .a { padding:10px; }\n}\n"
                + "@font-face {\n  font-family:Icons;\n  src:url('icons.woff') format('woff');\n}\n", css);
    }

    @Test
    void rules_inside_media_get_the_same_selector_rules() throws TtssException {
        CompiledStyle style = page("@media (max-width: 400px) { view { color: red } * { margin: 0 } }\n"
                + "@media print { * { color: black } }");
        assertEquals("@media (max-width:400px) {\n  tt-view { color:red; }\n}\n", style.css());
        assertEquals(List.of("pages/index/index.ttss:1:49", "pages/index/index.ttss:2:16"),
                style.warnings().stream().map(StyleProblem::location).toList());
    }

    @Test
    void supports_and_page_rules_pass_through_with_rpx_converted() throws TtssException {
        assertEquals("@supports (display:grid) {\n  .a { gap:5px; }\n}\n@page { margin:5px; }\n",
                page("@supports (display: grid) { .a { gap: 10rpx } * { margin: 0 } }\n@page { margin: 10rpx }").css());
    }

    @Test
    void an_unknown_at_rule_is_passed_through_with_a_warning() throws TtssException {
        CompiledStyle style = page("@custom-thing foo { width: 20rpx; }\n.a { color: red }");
        assertTrue(style.css().contains("@custom-thing"), style.css());
        assertTrue(style.css().contains("10px"), style.css());
        assertEquals("pages/index/index.ttss:1:1: unknown at-rule `@custom-thing` passed through as written",
                style.warnings().get(0).toString());
    }

    @Test
    void inline_styles_get_rpx_converted_at_render_time() {
        TtssCompiler ttss = new TtssCompiler(new ProjectFilesInMemory(), 375);
        assertEquals("width: 50px; background: url(a-10rpx.png)", ttss.inlineStyle("width: 100rpx; background: url(a-10rpx.png)"));
        String plain = "color: red";
        assertSame(plain, ttss.inlineStyle(plain));
    }

    @Test
    void each_file_is_read_and_compiled_once_per_scope() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("common.ttss", ".c { color: red }")
                .with("pages/a/a.ttss", "@import \"/common.ttss\";")
                .with("pages/b/b.ttss", "@import \"../../common.ttss\";");
        TtssCompiler ttss = new TtssCompiler(files, 375);
        CompiledStyle a = ttss.compilePage("pages/a/a");
        CompiledStyle b = ttss.compilePage("pages/b/b");
        assertSame(a, ttss.compilePage("pages/a/a"));
        assertEquals(a.css(), b.css());
        assertEquals(List.of("pages/a/a.ttss", "common.ttss", "pages/b/b.ttss"), files.reads());
    }

    @Test
    void the_output_is_css_a_strict_parser_accepts() throws TtssException {
        CompiledStyle style = page("page { font-size: 28rpx }\n.a::after { content: '' }\n"
                + "@media (min-width: 1px) { .b { width: calc(100% - 20rpx) } }\n"
                + "@keyframes k { to { opacity: 0 } }");
        // Compiling the output again (as a page stylesheet) must not fail.
        assertEquals(style.css(), page(style.css()).css());
    }
}
