package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop mini-program's styles as they are typically written (test resources ttss/shop): app.ttss
 * with a theme import, a page with a swiper, a grid and a scroll-view, a goods card component;
 * compiled for the default phone (393 px wide) and compared with the CSS in ttss/shop/expected.
 */
class RealisticStylesheetTest {
    private static Path project;
    private static TtssCompiler ttss;

    @BeforeAll
    static void compiler() throws URISyntaxException {
        project = Path.of(RealisticStylesheetTest.class.getResource("/ttss/shop/app.ttss").toURI()).getParent();
        StyleSources sources = new StyleSources() {
            @Override
            public Optional<String> read(String path) {
                Path file = project.resolve(path);
                try {
                    return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<String> packageRefusal(String from, String to) {
                return Optional.empty();
            }
        };
        ttss = new TtssCompiler(sources, 393);
    }

    private static String expected(String name) throws IOException {
        return Files.readString(project.resolve("expected/" + name), StandardCharsets.UTF_8);
    }

    private static List<String> warnings(CompiledStyle style) {
        return style.warnings().stream().map(StyleProblem::toString).toList();
    }

    @Test
    void app_ttss() throws Exception {
        CompiledStyle app = ttss.compileApp();
        assertEquals(expected("app.css"), app.css());
        assertEquals(List.of(), warnings(app));
    }

    @Test
    void the_index_page() throws Exception {
        CompiledStyle page = ttss.compilePage("pages/index/index");
        assertEquals(expected("index.css"), page.css());
        assertEquals(List.of(
                "pages/index/index.ttss:33:1: selector `.category-list::-webkit-scrollbar`: `::-webkit-scrollbar` is not in the platform's selector list; kept, but the phone may render it differently",
                "pages/index/index.ttss:48:14: selector `.tab:active`: `:active` is not in the platform's selector list; kept, but the phone may render it differently"),
                warnings(page));
    }

    @Test
    void the_goods_card_component() throws Exception {
        CompiledStyle card = ttss.compileComponent("components/goods-card/goods-card", null);
        assertEquals(expected("goods-card.css"), card.css());
        assertEquals(List.of(
                "components/goods-card/goods-card.ttss:35:1: selector `.card image`: tag name selectors are not allowed in component styles (use a class); the selector is dropped"),
                warnings(card));
    }
}
