package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A malformed stylesheet fails like a syntax error, at the first bad token. */
class TtssSyntaxErrorTest {

    private static TtssException error(String ttss) {
        return assertThrows(TtssException.class,
                () -> new TtssCompiler(new ProjectFilesInMemory().with("pages/a/a.ttss", ttss), 375).compilePage("pages/a/a"));
    }

    @Test
    void an_unclosed_block_fails_at_the_next_rule() {
        TtssException e = error(".a { color: red;\n.b { width: 10rpx }\n");
        assertEquals("pages/a/a.ttss:2:1: unexpected `.`", e.getMessage());
        assertEquals(new StyleProblem(StyleProblem.Severity.ERROR, "pages/a/a.ttss", 2, 1, "unexpected `.`"), e.problem());
    }

    @Test
    void a_declaration_without_a_colon() {
        assertEquals("pages/a/a.ttss:2:9: unexpected `red`", error(".a {\n  color red;\n  width: 1px }").getMessage());
    }

    @Test
    void a_stray_brace_in_a_selector() {
        assertEquals("pages/a/a.ttss:2:4: unexpected `}`", error(".a { color: red; }\n.b }{ width: 1px }").getMessage());
    }

    @Test
    void the_file_ends_inside_a_block() {
        assertEquals("pages/a/a.ttss:1:18: unexpected end of file", error(".a { width: 10rpx;").getMessage());
    }

    @Test
    void an_import_without_its_semicolon() {
        assertEquals("pages/a/a.ttss:2:1: unexpected `.`", error("@import \"b.ttss\"\n.a { color: red }").getMessage());
    }

    @Test
    void a_tab_counts_as_one_column() {
        assertEquals("pages/a/a.ttss:1:14: unexpected `$`", error("\t.a { color: $ }").getMessage());
    }

    @Test
    void a_template_binding_is_not_ttss() {
        assertEquals("pages/a/a.ttss:1:13: unexpected `{`", error(".a { width: {{w}}rpx }").getMessage());
    }

    @Test
    void an_illegal_character_is_located_where_it_first_appears() {
        assertEquals("pages/a/a.ttss:2:20: illegal character `^`", error(".a { color: red; }\n.b { color: red; } ^").getMessage());
        assertEquals("pages/a/a.ttss:1:14: illegal character U+0007", error(".a{color:red}\u0007").getMessage());
    }

    @Test
    void windows_line_endings_count_lines_the_same() {
        assertEquals("pages/a/a.ttss:3:9: unexpected `red`", error(".a{color:red}\r\n.b{\r\n  color red}").getMessage());
    }

    @Test
    void an_unclosed_media_block() {
        assertEquals("pages/a/a.ttss:1:33: unexpected end of file", error("@media screen { .a { color: red }").getMessage());
    }

    @Test
    void an_unterminated_string() {
        assertEquals("pages/a/a.ttss:1:19: unexpected `'x}`", error(".a::after{content:'x}").getMessage());
    }
}
