package dev.ttrtc.view.internal.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TTML compiler: one test per construct, and the errors and warnings it gives. */
class TtmlCompilerTest {
    private final MemoryFiles files = new MemoryFiles();
    private final List<String> warnings = new ArrayList<>();

    private TemplateUnit compile(String ttml) throws TemplateException {
        files.put("p/a.ttml", ttml);
        return new TtmlCompiler(files, (at, message) -> warnings.add(at + ": " + message)).compile("p/a.ttml").orElseThrow();
    }

    private String tree(String ttml) throws TemplateException {
        return TreePrinter.print(compile(ttml).body());
    }

    private String error(String ttml) {
        return assertThrows(TemplateException.class, () -> compile(ttml)).getMessage();
    }

    @Test
    void elements_attributes_text_and_event_bindings() throws Exception {
        assertEquals("(view id=a class=x {y} data-x-y=1 bind:tap=t catch:touchstart=c capture-bind:tap=cb"
                        + " capture-catch:tap=cc bind:myevent=m catch:tap= (text 'n: {n}'))",
                tree("<view id=\"a\" class=\"x {{y}}\" bindtap=\"t\" catch:touchstart=\"c\" capture-bind:tap=\"cb\""
                        + " capture-catch:tap='cc' bind:myevent=\"m\" catchtap=\"\" data-x-y=\"1\">\n  <text>n: {{n}}</text>\n</view>"));
        assertEquals("(switch checked) (input value={v}) (image src=a.png)",
                tree("<switch checked/><input value=\"{{v}}\"/><image src='a.png'></image>"));
    }

    @Test
    void elements_open_at_the_end_of_the_file_end_there_with_a_warning() throws Exception {
        assertEquals("(view (view (text 'hi')))", tree("<view>\n  <view><text>hi</text>\n</view>"));
        assertEquals(List.of("p/a.ttml:1:1: <view> is not closed; it ends with the file"), warnings);
    }

    @Test
    void a_value_may_be_unquoted_as_the_platforms_demo_writes_some() throws Exception {
        assertEquals("(video autoplay={playing} class=big) (view class=x-{Conditional} id=v)",
                tree("<video autoplay={{playing}} class=big/><view class=x-{{ a > b ? 1 : 2 }} id=v></view>"));
    }

    @Test
    void whitespace_between_elements_is_dropped_and_bindings_may_hold_angle_brackets() throws Exception {
        assertEquals("(view '{Binary} ok' (text ' x '))", tree("<view>{{a < b}} ok<text> x </text>\n\n</view>"));
        assertEquals("(view a={Conditional})",
                tree("<view a=\"{{b > 1 ? \"x\" : 'y'}}\"/>"));
    }

    @Test
    void for_with_defaults_renames_and_keys() throws Exception {
        assertEquals("(for {list} item,index (view '{item}'))", tree("<view tt:for=\"{{list}}\">{{item}}</view>"));
        assertEquals("(for {list} m,i key=*this (view '{m}{i}'))",
                tree("<view tt:for=\"{{list}}\" tt:for-item=\"m\" tt:for-index=\"i\" tt:key=\"*this\">{{m}}{{i}}</view>"));
        assertEquals("(for {list} item,index key=id (view))", tree("<view tt:for=\"{{list}}\" tt:key=\"id\"/>"));
        assertEquals("(for abc item,index (view))", tree("<view tt:for=\"abc\"/>"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void a_key_written_as_a_binding_is_a_field_name_with_a_warning() throws Exception {
        assertEquals("(for {list} item,index key={{ unique }} (view))", tree("<view tt:for=\"{{list}}\" tt:key=\"{{ unique }}\"/>"));
        assertEquals(List.of("p/a.ttml:1:25: tt:key is the name of a field of each item, not a binding: \"{{ unique }}\""
                + " reads item['{{ unique }}']; write tt:key=\"unique\" or tt:key=\"*this\""), warnings);
    }

    @Test
    void a_key_binding_suggests_the_field_it_names_and_never_an_expression() throws Exception {
        tree("<view tt:for=\"{{list}}\" tt:key=\"{{item.title}}\"/>"
                + "<view tt:for=\"{{list}}\" tt:for-item=\"m\" tt:key=\"{{m}}\"/>"
                + "<view tt:for=\"{{list}}\" tt:for-index=\"i\" tt:key=\"{{i}}\"/>"
                + "<view tt:for=\"{{list}}\" tt:key=\"{{a + b}}\"/>");
        assertEquals(List.of("write tt:key=\"title\" or tt:key=\"*this\"", "write tt:key=\"*this\"",
                "write tt:key=\"<a field of each item>\" or tt:key=\"*this\"",
                "write tt:key=\"<a field of each item>\" or tt:key=\"*this\""),
                warnings.stream().map(w -> w.substring(w.indexOf("write "))).toList());
    }

    @Test
    void the_first_error_in_the_file_is_the_one_reported_attributes_before_content() {
        assertEquals("p/a.ttml:1:18: function calls are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)",
                error("<view class=\"x {{f()}}\">{{g()}}</view>"));
    }

    @Test
    void loop_variable_names_must_be_plain() {
        assertEquals("p/a.ttml:1:25: tt:for-item takes a plain variable name, not \"{{x}}\"",
                error("<view tt:for=\"{{list}}\" tt:for-item=\"{{x}}\"/>"));
    }

    @Test
    void if_elif_else_chains_and_for_wrapping_if() throws Exception {
        assertEquals("(if {a} (view '1') | {b} (view '2') | else (view '3')) (text)",
                tree("<view tt:if=\"{{a}}\">1</view>\n<view tt:elif=\"{{b}}\">2</view>\n<view tt:else>3</view><text/>"));
        assertEquals("(for {list} item,index (if {item['ok']} (view)))",
                tree("<view tt:for=\"{{list}}\" tt:if=\"{{item.ok}}\"/>"));
        assertEquals("(if {a} (block (text) (text)))", tree("<block tt:if=\"{{a}}\"><text/><text/></block>"));
    }

    @Test
    void a_broken_chain_is_an_error() {
        assertEquals("p/a.ttml:1:1: tt:elif must follow an element with tt:if or tt:elif", error("<view tt:elif=\"{{b}}\"/>"));
        assertEquals("p/a.ttml:1:23: tt:else must follow an element with tt:if or tt:elif",
                error("<view tt:if=\"{{a}}\"/>x<view tt:else/>"));
        assertEquals("p/a.ttml:1:37: tt:else must follow an element with tt:if or tt:elif",
                error("<view tt:if=\"{{a}}\"/><view tt:else/><view tt:else/>"));
        assertEquals("p/a.ttml:1:1: tt:for cannot be combined with tt:elif or tt:else",
                error("<view tt:for=\"{{l}}\" tt:else/>"));
        assertEquals("p/a.ttml:1:7: tt:if needs a value", error("<view tt:if/>"));
    }

    @Test
    void templates_are_defined_called_with_data_and_not_rendered_in_place() throws Exception {
        TemplateUnit unit = compile("<template name=\"item\"><text>{{name}}</text></template>"
                + "<template is=\"item\" data=\"{{...person, extra: 1}}\"/><template is=\"{{kind}}\"/>");
        assertEquals("(call item {ObjectLiteral}) (call {kind})", TreePrinter.print(unit.body()));
        assertEquals("(text '{name}')", TreePrinter.print(unit.template("item").body()));
        assertEquals("p/a.ttml:1:1: <template> needs a name (to define one) or an is (to use one)", error("<template/>"));
    }

    @Test
    void imports_make_the_imported_file_templates_visible_but_not_its_imports() throws Exception {
        files.put("p/a_lib.ttml", "<template name=\"fromA\"><text/></template>");
        files.put("p/b.ttml", "<import src=\"a_lib\"/><template name=\"fromB\"><view/></template>");
        TemplateUnit unit = compile("<import src=\"./b.ttml\"/><template is=\"fromB\"/><template is=\"fromA\"/>");
        assertNotNull(unit.template("fromB"));
        assertNull(unit.template("fromA"), "imports are not transitive");
        assertEquals("p/a.ttml:1:9: cannot find p/missing.ttml", error("<import src=\"missing\"/>"));
    }

    @Test
    void include_inlines_the_file_without_its_templates_and_sjs() throws Exception {
        files.put("common/header.ttml", "<template name=\"t\"><text/></template><sjs module=\"m\">module.exports={}</sjs>"
                + "<view class=\"header\">{{title}}</view>");
        assertEquals("(block (view class=header '{title}')) (view)", tree("<include src=\"/common/header.ttml\"/><view/>"));
        assertNull(compile("<include src=\"/common/header\"/>").template("t"));
    }

    @Test
    void an_include_cycle_and_a_missing_include_are_errors() {
        files.put("p/b.ttml", "<include src=\"a.ttml\"/>");
        assertEquals("p/b.ttml:1:10: include cycle: p/a.ttml -> p/b.ttml -> p/a.ttml", error("<include src=\"b.ttml\"/>"));
        assertEquals("p/a.ttml:1:10: cannot find p/nope.ttml", error("<include src=\"nope\"/>"));
    }

    @Test
    void sjs_modules_inline_and_from_files_and_calls_only_on_them() throws Exception {
        files.put("utils/fmt.sjs", "module.exports = {}");
        TemplateUnit unit = compile("<sjs module=\"fmt\" src=\"../utils/fmt.sjs\"/>\n<sjs module=\"m\">\nmodule.exports = {};\n</sjs>"
                + "<view>{{fmt.time(t)}} {{m.a.b(1, x)}}</view>");
        assertEquals("(view '{fmt.time(t)} {m.a.b(1,x)}')", TreePrinter.print(unit.body()));
        assertEquals(List.of("fmt", "m"), unit.sjs().stream().map(TemplateUnit.SjsDeclaration::name).toList());
        assertEquals("utils/fmt.sjs", unit.sjs().get(0).src());
        assertEquals(new Location("p/a.ttml", 2, 17), unit.sjs().get(1).location());
        assertTrue(unit.sjs().get(1).source().contains("module.exports = {};"));
    }

    @Test
    void sjs_errors() {
        assertEquals("p/a.ttml:1:23: <sjs> module \"m\" is declared twice in p/a.ttml",
                error("<sjs module=\"m\"/><sjs module=\"m\"/>"));
        assertEquals("p/a.ttml:1:6: <sjs> module name \"1x\" is not a valid identifier", error("<sjs module=\"1x\"/>"));
        assertEquals("p/a.ttml:1:17: cannot find SJS module nope.sjs", error("<sjs module=\"m\" src=\"nope.sjs\"/>"));
        assertEquals("p/a.ttml:1:17: <sjs src> must name a .sjs file", error("<sjs module=\"m\" src=\"x.js\"/>"));
        assertEquals("p/a.ttml:1:15: method calls such as .f() are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)", error("<view>{{other.f()}}</view>"));
    }

    @Test
    void malformed_markup_fails_with_its_location() {
        assertEquals("p/a.ttml:3:1: </view> does not match <text> at 2:3", error("<view>\n  <text>hi\n</view>"));

        assertEquals("p/a.ttml:1:12: </text> does not match <view> at 1:1", error("<view>hello</text>"));
        assertEquals("p/a.ttml:1:1: </view> closes nothing", error("</view>"));
        assertEquals("p/a.ttml:1:14: the value of class is missing", error("<view class= />"));
        assertEquals("p/a.ttml:1:14: unexpected \" in the unquoted value of class", error("<view class=a\"b\"/>"));
        assertEquals("p/a.ttml:1:14: duplicate attribute id on <view>", error("<view id=\"a\" id=\"b\"/>"));
        assertEquals("p/a.ttml:1:1: the comment is not closed (-->)", error("<!-- x"));
        assertEquals("p/a.ttml:1:7: the value of id is not closed (\")", error("<view id=\"a/>"));
        assertEquals("p/a.ttml:1:1: <view is not finished (missing >)", error("<view id=\"a\""));
        assertEquals("p/a.ttml:1:7: {{ is not closed with }}", error("<view>{{a</view>"));
    }

    @Test
    void comments_are_dropped() throws Exception {
        assertEquals("(view (text))", tree("<!-- a <view> in a comment --><view><!--x--><text/></view>"));
    }

    @Test
    void wechat_syntax_and_unknown_directives_are_warned_and_ignored() throws Exception {
        assertEquals("(view)", tree("<view wx:if=\"{{a}}\" tt:foo=\"1\"/>"));
        assertEquals(List.of("p/a.ttml:1:7: wx:if is WeChat syntax; Douyin templates use tt:if (the attribute is ignored)",
                "p/a.ttml:1:21: unknown directive tt:foo (ignored)"), warnings);
    }

    @Test
    void block_renders_its_children_only() throws Exception {
        assertEquals("(for {l} item,index (block (text) (text)))", tree("<block tt:for=\"{{l}}\" class=\"x\"><text/><text/></block>"));
        assertEquals(List.of("p/a.ttml:1:23: <block> takes only tt:if and tt:for attributes; class is ignored"), warnings);
    }

    @Test
    void a_missing_file_compiles_to_nothing() throws Exception {
        assertTrue(new TtmlCompiler(files, (at, message) -> { }).compile("p/none.ttml").isEmpty());
    }
}
