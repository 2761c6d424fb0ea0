package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Selectors of app and page stylesheets: what passes, what is mapped, what is warned or dropped. */
class TtssSelectorTest {

    private static CompiledStyle page(String ttss) throws TtssException {
        return new TtssCompiler(new ProjectFilesInMemory().with("p.ttss", ttss), 375).compilePage("p");
    }

    private static List<String> warnings(CompiledStyle style) {
        return style.warnings().stream().map(StyleProblem::toString).toList();
    }

    @Test
    void the_documented_forms_pass_silently() throws TtssException {
        CompiledStyle style = page(".intro, #firstname, view, view, checkbox, view::after, view::before { color: red }");
        assertEquals(".intro,\n#firstname,\ntt-view,\ntt-view,\ntt-checkbox,\ntt-view::after,\ntt-view::before { color:red; }\n",
                style.css());
        assertEquals(List.of(), style.warnings());
    }

    @Test
    void the_page_selector_styles_the_page_root() throws TtssException {
        assertEquals("tt-page { background:#f5f5f5; }\n", page("page { background: #f5f5f5 }").css());
    }

    @Test
    void every_built_in_tag_maps_to_its_element_and_custom_component_tags_stay() throws TtssException {
        assertEquals("tt-scroll-view tt-swiper-item>tt-image,\nmy-card tt-text { color:red; }\n",
                page("scroll-view swiper-item > image, my-card text { color: red }").css());
    }

    @Test
    void descendant_child_compound_and_structural_pseudo_classes_pass_silently() throws TtssException {
        CompiledStyle style = page(".list .item > .title, view.a.b, .item:first-child, .item:last-child, "
                + ".item:nth-child(2n+1), .item:nth-of-type(3), .item:not(.done), .a:after { color: red }");
        assertEquals(List.of(), style.warnings());
        assertEquals(".list .item>.title,\ntt-view.a.b,\n.item:first-child,\n.item:last-child,\n.item:nth-child(2n+1),\n"
                + ".item:nth-of-type(3),\n.item:not(.done),\n.a:after { color:red; }\n", style.css());
    }

    @Test
    void tag_names_inside_not_are_mapped_too() throws TtssException {
        assertEquals(".a:not(tt-text) { color:red; }\n", page(".a:not(text) { color: red }").css());
    }

    @Test
    void undocumented_forms_are_kept_with_a_warning() throws TtssException {
        CompiledStyle style = page(".a + .b, .a ~ .c, [data-x=\"1\"], .d:hover, .e::-webkit-scrollbar { color: red }");
        assertEquals(".a+.b,\n.a~.c,\n[data-x=\"1\"],\n.d:hover,\n.e::-webkit-scrollbar { color:red; }\n", style.css());
        assertEquals(List.of(
                "p.ttss:1:1: selector `.a+.b`: the sibling combinator `+` is not in the platform's selector list; kept, but the phone may render it differently",
                "p.ttss:1:10: selector `.a~.c`: the sibling combinator `~` is not in the platform's selector list; kept, but the phone may render it differently",
                "p.ttss:1:19: selector `[data-x=\"1\"]`: the attribute selector `[data-x=\"1\"]` is not in the platform's selector list; kept, but the phone may render it differently",
                "p.ttss:1:33: selector `.d:hover`: `:hover` is not in the platform's selector list; kept, but the phone may render it differently",
                "p.ttss:1:43: selector `.e::-webkit-scrollbar`: `::-webkit-scrollbar` is not in the platform's selector list; kept, but the phone may render it differently"),
                warnings(style));
    }

    @Test
    void the_universal_selector_is_dropped_with_a_warning() throws TtssException {
        CompiledStyle style = page(".a, * { box-sizing: border-box }\n.b * { margin: 0 }");
        assertEquals(".a { box-sizing:border-box; }\n", style.css());
        assertEquals(List.of(
                "p.ttss:1:5: selector `*`: the universal selector `*` is not supported; the selector is dropped",
                "p.ttss:2:1: selector `.b *`: the universal selector `*` is not supported; the selector is dropped"),
                warnings(style));
    }

    @Test
    void host_outside_a_component_is_dropped_with_a_warning() throws TtssException {
        CompiledStyle style = page(":host { color: red }");
        assertEquals("", style.css());
        assertEquals(List.of("p.ttss:1:1: selector `:host`: `:host` only means something in a component's styles; the selector is dropped"),
                warnings(style));
    }

    @Test
    void newer_functional_pseudo_classes_are_dropped_with_a_warning() throws TtssException {
        CompiledStyle style = page(".a:is(.b), .c:where(.d), .e:has(.f), .g { color: red }");
        assertEquals(".g { color:red; }\n", style.css());
        assertEquals(List.of(
                "p.ttss:1:1: selector `.a:is(.b)`: `:is(.b)` is not supported; the selector is dropped",
                "p.ttss:1:12: selector `.c:where(.d)`: `:where(.d)` is not supported; the selector is dropped",
                "p.ttss:1:26: selector `.e:has(.f)`: `:has(.f)` is not supported; the selector is dropped"),
                warnings(style));
    }
}
