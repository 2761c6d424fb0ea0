package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtssImportTest {

    private static CompiledStyle compilePage(ProjectFilesInMemory files, String route) throws TtssException {
        return new TtssCompiler(files, 375).compilePage(route);
    }

    private static String error(ProjectFilesInMemory files, String route) {
        return assertThrows(TtssException.class, () -> compilePage(files, route)).getMessage();
    }

    @Test
    void relative_imports_resolve_from_the_importing_files_folder() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("pages/index/index.ttss", "@import \"parts.ttss\";\n@import './more.ttss';\n@import \"../shared/base.ttss\";\n.page { color: red }")
                .with("pages/index/parts.ttss", ".parts { width: 20rpx }")
                .with("pages/index/more.ttss", ".more { width: 40rpx }")
                .with("pages/shared/base.ttss", ".base { width: 60rpx }");
        assertEquals(".parts { width:10px; }\n.more { width:20px; }\n.base { width:30px; }\n.page { color:red; }\n",
                compilePage(files, "pages/index/index").css());
    }

    @Test
    void an_absolute_import_starts_at_the_project_folder() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("pages/index/index.ttss", "@import \"/styles/common.ttss\";")
                .with("styles/common.ttss", ".common { color: red }");
        assertEquals(".common { color:red; }\n", compilePage(files, "pages/index/index").css());
    }

    @Test
    void the_url_form_works_too() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import url(\"b.ttss\");")
                .with("b.ttss", ".b { color: red }");
        assertEquals(".b { color:red; }\n", compilePage(files, "a").css());
    }

    @Test
    void chains_inline_depth_first_where_each_import_stands() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", ".a1 { order: 1 }\n@import \"b.ttss\";\n.a2 { order: 4 }")
                .with("b.ttss", "@import \"c.ttss\";\n.b { order: 3 }")
                .with("c.ttss", ".c { order: 2 }");
        assertEquals(".a1 { order:1; }\n.c { order:2; }\n.b { order:3; }\n.a2 { order:4; }\n",
                compilePage(files, "a").css());
    }

    @Test
    void an_import_with_media_queries_applies_only_under_them() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import \"wide.ttss\" screen and (min-width: 500px);")
                .with("wide.ttss", ".w { width: 750rpx }");
        assertEquals("@media screen and (min-width:500px) {\n.w { width:375px; }\n}\n", compilePage(files, "a").css());
    }

    @Test
    void an_imported_files_warnings_keep_their_own_location() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import \"b.ttss\";\n* { margin: 0 }")
                .with("b.ttss", "\n\n  * { padding: 0 }");
        assertEquals(List.of("b.ttss:3:3", "a.ttss:2:1"),
                compilePage(files, "a").warnings().stream().map(StyleProblem::location).toList());
    }

    @Test
    void a_component_imports_into_its_own_scope() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("components/card/card.ttss", "@import \"/styles/buttons.ttss\";")
                .with("styles/buttons.ttss", ".btn { color: red }");
        TtssCompiler ttss = new TtssCompiler(files, 375);
        CompiledStyle card = ttss.compileComponent("components/card/card", JsonNodeFactory.instance.objectNode());
        assertEquals(".card-3233a8458a--btn { color:red; }\n", card.css());
        assertEquals(".btn { color:red; }\n", ttss.compilePage("styles/buttons").css());
    }

    @Test
    void a_missing_import_fails_at_the_import() {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("pages/a/a.ttss", ".a { color: red }\n  @import \"nope.ttss\";");
        assertEquals("pages/a/a.ttss:2:3: `@import \"nope.ttss\"`: pages/a/nope.ttss does not exist", error(files, "pages/a/a"));
    }

    @Test
    void a_cycle_fails_naming_the_files_in_it() {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import \"b.ttss\";")
                .with("b.ttss", "@import \"c.ttss\";")
                .with("c.ttss", ".c { color: red }\n@import \"/b.ttss\";");
        assertEquals("c.ttss:2:1: `@import \"/b.ttss\"` makes a cycle: b.ttss → c.ttss → b.ttss", error(files, "a"));
    }

    @Test
    void a_file_importing_itself_is_a_cycle() {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("a.ttss", "@import \"./a.ttss\";");
        assertEquals("a.ttss:1:1: `@import \"./a.ttss\"` makes a cycle: a.ttss → a.ttss", error(files, "a"));
    }

    @Test
    void importing_the_same_file_twice_is_not_a_cycle() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import \"b.ttss\";\n@import \"c.ttss\";")
                .with("b.ttss", "@import \"c.ttss\";")
                .with("c.ttss", ".c { color: red }");
        assertEquals(".c { color:red; }\n.c { color:red; }\n", compilePage(files, "a").css());
    }

    @Test
    void files_outside_the_project_are_refused() {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("pages/a/a.ttss", "@import \"../../../etc/passwd.ttss\";");
        assertEquals("pages/a/a.ttss:1:1: `@import \"../../../etc/passwd.ttss\"` points outside the project",
                error(files, "pages/a/a"));
        assertEquals(List.of("pages/a/a.ttss"), files.reads());
    }

    @Test
    void only_ttss_files_can_be_imported() {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("a.ttss", "@import \"b.css\";").with("b.css", ".b {}");
        assertEquals("a.ttss:1:1: `@import \"b.css\"`: only .ttss files can be imported", error(files, "a"));
    }

    @Test
    void a_remote_stylesheet_is_dropped_with_a_warning() throws TtssException {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with("a.ttss", "@import \"https://example.com/x.css\";\n.a { color: red }");
        CompiledStyle style = compilePage(files, "a");
        assertEquals(".a { color:red; }\n", style.css());
        assertEquals("a.ttss:1:1: `@import \"https://example.com/x.css\"`: stylesheets from other servers are not supported; dropped",
                style.warnings().get(0).toString());
    }

    @Test
    void a_syntax_error_in_an_imported_file_names_that_file() {
        ProjectFilesInMemory files = new ProjectFilesInMemory()
                .with("a.ttss", "@import \"b.ttss\";")
                .with("b.ttss", ".b {\n  color: red;\n");
        assertEquals("b.ttss:2:14: unexpected end of file", error(files, "a"));
    }
}
