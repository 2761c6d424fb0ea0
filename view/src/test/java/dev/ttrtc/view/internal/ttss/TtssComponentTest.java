package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component stylesheets: class scoping, :host, and the selectors components may not use. */
class TtssComponentTest {
    private static final String CARD = "components/card/card";
    private static final String PREFIX = "card-3233a8458a";

    private static CompiledStyle card(String ttss, String optionsJson) throws Exception {
        JsonNode options = optionsJson == null ? null : new ObjectMapper().readTree(optionsJson);
        return new TtssCompiler(new ProjectFilesInMemory().with(CARD + ".ttss", ttss), 375).compileComponent(CARD, options);
    }

    private static List<String> warnings(CompiledStyle style) {
        return style.warnings().stream().map(StyleProblem::toString).toList();
    }

    @Test
    void classes_are_rewritten_with_the_definitions_prefix() throws Exception {
        CompiledStyle style = card(".title { font-size: 32rpx }\n.list .item > .name::after, .btn--primary:first-child { color: red }", null);
        assertEquals("." + PREFIX + "--title { font-size:16px; }\n"
                + "." + PREFIX + "--list ." + PREFIX + "--item>." + PREFIX + "--name::after,\n"
                + "." + PREFIX + "--btn--primary:first-child { color:red; }\n", style.css());
        assertEquals(List.of(), style.warnings());
        assertEquals(StyleScope.component(CARD, StyleIsolation.ISOLATED), style.scope());
    }

    @Test
    void host_styles_the_host_element() throws Exception {
        assertEquals("[tt-host=\"" + PREFIX + "\"] { display:block; }\n"
                + "[tt-host=\"" + PREFIX + "\"] ." + PREFIX + "--title { color:red; }\n",
                card(":host { display: block }\n:host .title { color: red }", null).css());
    }

    @Test
    void tag_id_and_attribute_selectors_are_dropped_with_a_warning() throws Exception {
        CompiledStyle style = card(".a, view { color: red }\n#main { color: blue }\n.b[data-x] { color: green }\n"
                + "page { color: black }\n.c:not(text) { margin: 0 }", null);
        assertEquals("." + PREFIX + "--a { color:red; }\n", style.css());
        assertEquals(List.of(
                "components/card/card.ttss:1:5: selector `view`: tag name selectors are not allowed in component styles (use a class); the selector is dropped",
                "components/card/card.ttss:2:1: selector `#main`: ID selectors are not allowed in component styles (use a class); the selector is dropped",
                "components/card/card.ttss:3:1: selector `.b[data-x]`: attribute selectors are not allowed in component styles (use a class); the selector is dropped",
                "components/card/card.ttss:4:1: selector `page`: tag name selectors are not allowed in component styles (use a class); the selector is dropped",
                "components/card/card.ttss:5:1: selector `.c:not(text)`: tag name selectors are not allowed in component styles (use a class); the selector is dropped"),
                warnings(style));
    }

    @Test
    void host_with_an_argument_is_dropped_with_a_warning() throws Exception {
        CompiledStyle style = card(":host(.on) .t { color: red }", null);
        assertEquals("", style.css());
        assertEquals(List.of("components/card/card.ttss:1:1: selector `:host(.on) .t`: `:host(…)` is not supported (use `:host`); the selector is dropped"),
                warnings(style));
    }

    @Test
    void apply_shared_keeps_the_components_own_rules_scoped() throws Exception {
        CompiledStyle style = card(".title { color: red }", "{\"addGlobalClass\": true}");
        assertEquals("." + PREFIX + "--title { color:red; }\n", style.css());
        assertEquals(List.of(PREFIX + "--title", "title"), style.scope().htmlClasses("title"));
        assertEquals(List.of("components/card/card.js: options.addGlobalClass is not documented on Douyin; applied as WeChat documents it"),
                warnings(style));
    }

    @Test
    void shared_leaves_classes_as_written() throws Exception {
        CompiledStyle style = card(".title { color: red }\n:host { display: block }", "{\"styleIsolation\": \"shared\"}");
        assertEquals(".title { color:red; }\n[tt-host=\"" + PREFIX + "\"] { display:block; }\n", style.css());
        assertEquals(List.of("components/card/card.js: options.styleIsolation \"shared\" is not documented on Douyin; applied as WeChat documents it"),
                warnings(style));
    }

    @Test
    void an_unknown_isolation_is_ignored_with_a_warning() throws Exception {
        CompiledStyle style = card(".title { color: red }", "{\"styleIsolation\": \"page-isolated\"}");
        assertEquals("." + PREFIX + "--title { color:red; }\n", style.css());
        assertEquals(List.of("components/card/card.js: options.styleIsolation \"page-isolated\" is not one of isolated, apply-shared, shared; ignored"),
                warnings(style));
    }

    @Test
    void the_same_file_compiles_once_per_isolation() throws Exception {
        ProjectFilesInMemory files = new ProjectFilesInMemory().with(CARD + ".ttss", ".t { color: red }");
        TtssCompiler ttss = new TtssCompiler(files, 375);
        CompiledStyle isolated = ttss.compileComponent(CARD, null);
        CompiledStyle shared = ttss.compileComponent(CARD, new ObjectMapper().readTree("{\"styleIsolation\": \"shared\"}"));
        assertEquals("." + PREFIX + "--t { color:red; }\n", isolated.css());
        assertEquals(".t { color:red; }\n", shared.css());
    }

    @Test
    void a_component_without_a_stylesheet_still_has_its_scope() throws Exception {
        CompiledStyle style = new TtssCompiler(new ProjectFilesInMemory(), 375).compileComponent("/" + CARD, null);
        assertEquals("", style.css());
        assertEquals(List.of(PREFIX + "--title"), style.scope().htmlClasses("title"));
    }
}
