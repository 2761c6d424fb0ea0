package dev.ttrtc.view.internal.ttml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code {{ }}} grammar with JS semantics, and what the platform's compiler rejects. */
class ExpressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA = "{\"a\":1,\"b\":2,\"c\":\"hello\",\"flag\":true,\"zero\":0,\"list\":[\"x\",\"y\",\"z\"],"
            + "\"obj\":{\"key\":\"v\",\"n\":{\"deep\":5}},\"empty\":\"\",\"nil\":null,\"half\":0.5,\"big\":1e21,\"tiny\":1e-7,"
            + "\"obj1\":{\"a\":1,\"b\":2},\"obj2\":{\"c\":3,\"d\":4}}";
    private static final Location AT = new Location("t.ttml", 1, 1);

    private static String text(String binding) throws Exception {
        Interpolation value = Bindings.parse(binding, AT, Set.of(), ExprParser.Place.VALUE);
        return Evaluator.text(value, Scope.of(JSON.readTree(DATA), SjsModules.NONE));
    }

    private static JsonNode data(String binding) throws Exception {
        Interpolation value = Bindings.parse(binding, AT, Set.of(), ExprParser.Place.TEMPLATE_DATA);
        return JsValues.toJson(Evaluator.value(value, Scope.of(JSON.readTree(DATA), SjsModules.NONE)));
    }

    private static String error(String binding) {
        return assertThrows(TemplateException.class,
                () -> Bindings.parse(binding, AT, Set.of("utils"), ExprParser.Place.VALUE)).getMessage();
    }

    @Test
    void arithmetic_concatenation_and_the_docs_examples() throws Exception {
        assertEquals("3 hello !", text("{{a + b}} {{c}} !"));
        assertEquals("hellohello", text("{{\"hello\" + c}}"));
        assertEquals("12", text("{{'1' + 2}}"));
        assertEquals("-1", text("{{a - b}}"));
        assertEquals("0.5", text("{{a / b}}"));
        assertEquals("1", text("{{7 % 3}}"));
        assertEquals("7", text("{{a + b * 3}}"));
        assertEquals("-1", text("{{-a}}"));
        assertEquals("NaN", text("{{c * 2}}"));
        assertEquals("Infinity", text("{{a / zero}}"));
        assertEquals("0.30000000000000004", text("{{0.1 + 0.2}}"));
        assertEquals("1e+21", text("{{big}}"));
        assertEquals("1e-7", text("{{tiny}}"));
        assertEquals("1.5", text("{{a + half}}"));
    }

    @Test
    void paths_comparison_logic_and_ternary() throws Exception {
        assertEquals("v 5 y 3 5", text("{{obj.key}} {{obj.n.deep}} {{list[1]}} {{list.length}} {{c.length}}"));
        assertEquals("e", text("{{c[1]}}"));
        assertEquals("true false true", text("{{list.length > 1}} {{a >= b}} {{'a' < 'b'}}"));
        assertEquals("true false true true", text("{{a == '1'}} {{a === '1'}} {{nil == undefined}} {{zero == false}}"));
        assertEquals("yes", text("{{flag ? 'yes' : 'no'}}"));
        assertEquals("hello 0 true", text("{{empty || c}} {{zero && a}} {{!empty}}"));
        assertEquals("", text("{{missing.deep.path}}"));
        assertEquals("x,y,z [object Object] true", text("{{list}} {{obj}} {{flag}}"));
        assertEquals("", text("{{nil}}"));
        assertEquals("a-1-b", text("a-{{a}}-b"));
    }

    @Test
    void a_single_binding_keeps_its_type_and_a_mixed_value_is_a_string() throws Exception {
        assertEquals(JSON.readTree("[\"x\",\"y\",\"z\"]"), data("{{list}}"));
        assertEquals(JSON.readTree("\" x,y,z \""), data(" {{list}} "));
        assertEquals(JSON.readTree("false"), data("{{false}}"));
        assertEquals(JSON.readTree("[0,1,2]"), data("{{[zero, 1, b]}}"));
    }

    @Test
    void object_literals_spread_and_shorthand_in_template_data() throws Exception {
        assertEquals(JSON.readTree("{\"foo\":1,\"bar\":2}"), data("{{foo: a, bar: b}}"));
        assertEquals(JSON.readTree("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}"), data("{{...obj1, ...obj2, e: 5}}"));
        assertEquals(JSON.readTree("{\"a\":1,\"c\":\"hello\"}"), data("{{a, c}}"));
        assertEquals(JSON.readTree("{\"x\":{\"y\":[1]}}"), data("{{x: {y: [a]}}}"));
        assertEquals(JSON.readTree("{\"key\":\"v\",\"n\":{\"deep\":5}}"), data("{{obj}}"));
    }

    @Test
    void parentheses_group() throws Exception {
        assertEquals("1", text("{{ (a) }}"));
        assertEquals("6", text("{{ (a + b) * 2 }}"));
        assertEquals("w:3px;", text("{{'w:' + ((a + b) + 'px') + ';'}}"));
        assertEquals("no", text("{{ flag ? (zero ? 'yes' : 'no') : 'never' }}"));
        assertEquals("t.ttml:1:11: expected ')' but found the end of the expression", error("{{ (a + b }}"));
    }

    @Test
    void what_the_platform_compiler_rejects_is_an_error_at_its_column() {
        assertEquals("t.ttml:1:4: function calls are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)", error("{{ foo() }}"));
        assertEquals("t.ttml:1:6: method calls such as .indexOf() are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)", error("{{ a.indexOf('flag') > 2 }}"));
        assertEquals("t.ttml:1:4: 'function' is not supported in {{ }} expressions", error("{{ function () {} }}"));
        assertEquals("t.ttml:1:3: object literals and spread are allowed only in the data of <template is>", error("{{{a: 1}}}"));
        assertEquals("t.ttml:1:3: object literals and spread are allowed only in the data of <template is>", error("{{...a}}"));
        assertEquals("t.ttml:1:5: assignments are not supported in {{ }} expressions", error("{{a = 1}}"));
        assertEquals("t.ttml:1:3: 'typeof' is not supported in {{ }} expressions", error("{{typeof a}}"));
        assertEquals("t.ttml:1:3: template strings are not supported in {{ }} expressions", error("{{`x`}}"));
        assertEquals("t.ttml:1:5: '??' is not supported in {{ }} expressions", error("{{a ?? b}}"));
        assertEquals("t.ttml:1:1: {{ is not closed with }}", error("{{a"));
        assertEquals("t.ttml:1:1: empty {{ }} expression", error("{{ }}"));
        assertEquals("t.ttml:1:8: expected ':' but found the end of the expression", error("{{a ? b}}"));
    }

    @Test
    void calls_of_sjs_module_functions_parse() throws Exception {
        Expr call = Bindings.parse("{{utils.format.date(a, 'x')}}", AT, Set.of("utils"), ExprParser.Place.VALUE).single();
        assertEquals(new Expr.SjsCall("utils", java.util.List.of("format", "date"),
                ((Expr.SjsCall) call).arguments(), ((Expr.SjsCall) call).location()), call);
        assertEquals(2, ((Expr.SjsCall) call).arguments().size());
    }

    @Test
    void error_locations_follow_lines_inside_a_value() {
        assertEquals("t.ttml:2:4: function calls are not supported in {{ }} expressions"
                + " (only functions of an <sjs> module of this file can be called)", error("x\n{{ f() }}"));
    }
}
