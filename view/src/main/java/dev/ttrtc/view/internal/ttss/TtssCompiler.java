package dev.ttrtc.view.internal.ttss;

import com.fasterxml.jackson.databind.JsonNode;
import com.helger.css.CSSSourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TTSS → CSS for one mini-program instance: {@code app.ttss}, each page's and each component
 * definition's stylesheet, with {@code @import}s inlined, {@code rpx} converted for the
 * instance's window width, selectors mapped to the HTML the view renders, and component classes
 * scoped ({@link StyleScope}). docs/ttss.md describes every rule.
 *
 * <pre>{@code
 * TtssCompiler ttss = new TtssCompiler(sources, systemInfo.number("windowWidth"));
 * CompiledStyle app = ttss.compileApp();                                   // app.ttss
 * CompiledStyle page = ttss.compilePage("pages/index/index");              // …/index.ttss
 * CompiledStyle card = ttss.compileComponent("components/card/card", info.options());
 * String css = app.css() + card.css() + page.css();   // after the built-ins' base styles
 * card.scope().htmlClasses("title");                  // ["card-3233a8458a--title"]
 * }</pre>
 *
 * <p>A file compiles once per scope; imported files are shared between the sheets that import
 * them. Not thread-safe: use it from one thread at a time (the instance's loop).
 */
public final class TtssCompiler {
    private static final String APP_STYLESHEET = "app.ttss";
    private static final String EXTENSION = ".ttss";

    private final StyleSources sources;
    private final RpxConverter rpx;
    private final Map<Key, CompiledStyle> compiled = new HashMap<>();
    private final Deque<String> importing = new ArrayDeque<>();

    /**
     * @param sources the project's files
     * @param windowWidth the instance's {@code windowWidth} in px (750 rpx span it)
     */
    public TtssCompiler(StyleSources sources, double windowWidth) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.rpx = new RpxConverter(windowWidth);
    }

    /** {@code app.ttss}, global to every page; empty CSS when the project has none. */
    public CompiledStyle compileApp() throws TtssException {
        return compile(APP_STYLESHEET, StyleScope.page());
    }

    /**
     * A page's stylesheet; empty CSS when the page has none.
     *
     * @param route the page's path without extension, as in app.json ({@code pages/index/index})
     * @throws IllegalArgumentException when the route leads outside the project
     */
    public CompiledStyle compilePage(String route) throws TtssException {
        return compile(projectPath(route) + EXTENSION, StyleScope.page());
    }

    /**
     * A component definition's stylesheet, its classes scoped to the definition.
     *
     * @param componentPath its project path without extension ({@code components/card/card})
     * @param options its {@code options} object, for {@code styleIsolation} and
     *     {@code addGlobalClass}; null when it has none
     * @throws IllegalArgumentException when the path leads outside the project
     */
    public CompiledStyle compileComponent(String componentPath, JsonNode options) throws TtssException {
        String path = projectPath(componentPath);
        StyleScope scope = StyleScope.component(path, StyleIsolation.fromOptions(options));
        CompiledStyle style = compile(path + EXTENSION, scope);
        List<StyleProblem> optionWarnings = StyleIsolation.warnings(path, options);
        if (optionWarnings.isEmpty()) {
            return style;
        }
        List<StyleProblem> warnings = new ArrayList<>(optionWarnings);
        warnings.addAll(style.warnings());
        return new CompiledStyle(style.file(), style.exists(), style.css(), warnings, scope);
    }

    /**
     * An inline {@code style} attribute's value (after its bindings are filled in) with its rpx
     * converted, for the HTML of every render. The same string when it has no rpx.
     */
    public String inlineStyle(String style) {
        return rpx.convert(style);
    }

    private CompiledStyle compile(String file, StyleScope scope) throws TtssException {
        Key key = new Key(file, scope);
        CompiledStyle done = compiled.get(key);
        if (done != null) {
            return done;
        }
        Optional<String> text = sources.read(file);
        if (text.isEmpty()) {
            return new CompiledStyle(file, false, "", List.of(), scope);
        }
        importing.push(file);
        try {
            List<StyleProblem> warnings = new ArrayList<>();
            SheetCompiler compiler = new SheetCompiler(scope, rpx, (spec, at, includer) -> inline(spec, at, includer, scope));
            String css = compiler.compile(TtssParser.parse(file, text.get()), new Warnings(file, warnings));
            CompiledStyle style = new CompiledStyle(file, true, css, warnings, scope);
            compiled.put(key, style);
            return style;
        } finally {
            importing.pop();
        }
    }

    /**
     * The CSS of the file {@code spec} names, imported at {@code at} of the file being compiled
     * (whose warnings {@code includer} collects).
     */
    private String inline(String spec, CSSSourceLocation at, Warnings includer, StyleScope scope) throws TtssException {
        if (ImportPaths.isRemote(spec)) {
            includer.at(at, "`@import \"" + spec + "\"`: stylesheets from other servers are not supported; dropped");
            return "";
        }
        Optional<String> resolved = ImportPaths.resolve(includer.file(), spec);
        if (resolved.isEmpty()) {
            throw new TtssException(includer.error(at, "`@import \"" + spec + "\"` points outside the project"));
        }
        String file = resolved.get();
        if (!file.endsWith(EXTENSION)) {
            throw new TtssException(includer.error(at, "`@import \"" + spec + "\"`: only .ttss files can be imported"));
        }
        Optional<String> refusal = sources.packageRefusal(includer.file(), file);
        if (refusal.isPresent()) {
            throw new TtssException(includer.error(at, "`@import \"" + spec + "\"`: " + refusal.get()));
        }
        if (importing.contains(file)) {
            List<String> chain = new ArrayList<>(importing);
            Collections.reverse(chain);
            chain.add(file);
            throw new TtssException(includer.error(at, "`@import \"" + spec + "\"` makes a cycle: "
                    + String.join(" → ", chain.subList(chain.indexOf(file), chain.size()))));
        }
        CompiledStyle imported = compile(file, scope);
        if (!imported.exists()) {
            throw new TtssException(includer.error(at, "`@import \"" + spec + "\"`: " + file + " does not exist"));
        }
        imported.warnings().forEach(includer::add);
        return imported.css();
    }

    /** The path normalised ({@code /a/./b} → {@code a/b}); never one outside the project. */
    private static String projectPath(String path) {
        return ImportPaths.resolve("", "/" + path)
                .orElseThrow(() -> new IllegalArgumentException("not a path inside the project: " + path));
    }

    private record Key(String file, StyleScope scope) {
    }
}
