package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StyleScopeTest {
    /** A CSS identifier that needs no escaping. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z][a-z0-9-]*");

    @Test
    void the_prefix_is_a_readable_stem_and_a_hash_of_the_path_the_same_in_every_run() {
        assertEquals("card-3233a8458a", StyleScope.prefixFor("components/card/card"));
        assertEquals(StyleScope.prefixFor("components/card/card"), StyleScope.prefixFor("/components/card/card"));
    }

    @Test
    void an_index_file_takes_its_folder_name() {
        assertTrue(StyleScope.prefixFor("components/user-card/index").startsWith("user-card-"));
    }

    @Test
    void prefixes_are_plain_identifiers_without_double_hyphens() {
        for (String path : List.of("components/card/card", "c/9lives", "c/--weird__name--", "c/卡片", "x/index",
                "index", "a/B/CamelCase", "c/" + "long".repeat(20))) {
            String prefix = StyleScope.prefixFor(path);
            assertTrue(PLAIN_IDENTIFIER.matcher(prefix).matches(), prefix);
            assertFalse(prefix.contains("--"), prefix);
            assertFalse(prefix.endsWith("-"), prefix);
        }
    }

    @Test
    void different_paths_never_share_a_prefix_even_with_the_same_stem() {
        List<String> paths = List.of("a/b", "a-b", "a/b/b", "b", "a/b-c", "a-b/c", "x/card/card", "y/card/card",
                "card/index", "card", "Card", "card/card");
        Set<String> prefixes = new HashSet<>();
        for (String path : paths) {
            prefixes.add(StyleScope.prefixFor(path));
        }
        assertEquals(paths.size(), prefixes.size());
    }

    @Test
    void built_in_tags_become_tt_elements_and_custom_components_keep_their_tag() {
        assertEquals("tt-view", StyleScope.elementName("view"));
        assertEquals("tt-page", StyleScope.elementName("page"));
        assertEquals("tt-scroll-view", StyleScope.elementName("scroll-view"));
        assertEquals("tt-rtc-room", StyleScope.elementName("rtc-room"));
        assertEquals("tt-view", StyleScope.elementName("VIEW"));
        assertEquals("my-card", StyleScope.elementName("my-card"));
        // No TTSS selector may reach the simulator's own HTML.
        assertEquals("tt-div", StyleScope.elementName("div"));
        assertEquals("tt-body", StyleScope.elementName("body"));
    }

    @Test
    void page_classes_stay_as_written() {
        StyleScope page = StyleScope.page();
        assertFalse(page.isComponent());
        assertEquals(List.of("title"), page.htmlClasses("title"));
        assertEquals("title", page.selectorClass("title"));
        assertThrows(IllegalStateException.class, page::hostSelector);
    }

    @Test
    void an_isolated_component_scopes_its_classes_both_in_html_and_css() {
        StyleScope card = StyleScope.component("components/card/card", StyleIsolation.ISOLATED);
        assertEquals(List.of("card-3233a8458a--title"), card.htmlClasses("title"));
        assertEquals("card-3233a8458a--title", card.selectorClass("title"));
        assertEquals("[tt-host=\"card-3233a8458a\"]", card.hostSelector());
    }

    @Test
    void apply_shared_lets_page_classes_in_and_keeps_its_own_inside() {
        StyleScope card = StyleScope.component("components/card/card", StyleIsolation.APPLY_SHARED);
        assertEquals(List.of("card-3233a8458a--title", "title"), card.htmlClasses("title"));
        assertEquals("card-3233a8458a--title", card.selectorClass("title"));
    }

    @Test
    void shared_uses_classes_as_written_both_ways() {
        StyleScope card = StyleScope.component("components/card/card", StyleIsolation.SHARED);
        assertEquals(List.of("title"), card.htmlClasses("title"));
        assertEquals("title", card.selectorClass("title"));
    }

    @Test
    void scopes_are_values() {
        assertEquals(StyleScope.component("a/b", StyleIsolation.ISOLATED), StyleScope.component("/a/b", StyleIsolation.ISOLATED));
        assertNotEquals(StyleScope.component("a/b", StyleIsolation.ISOLATED), StyleScope.component("a/b", StyleIsolation.SHARED));
    }
}
