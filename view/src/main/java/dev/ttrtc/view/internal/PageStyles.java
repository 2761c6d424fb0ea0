package dev.ttrtc.view.internal;

import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ProjectFiles;
import dev.ttrtc.view.internal.ttss.CompiledStyle;
import dev.ttrtc.view.internal.ttss.StyleProblem;
import dev.ttrtc.view.internal.ttss.StyleSources;
import dev.ttrtc.view.internal.ttss.TtssCompiler;
import dev.ttrtc.view.internal.ttss.TtssException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CSS of each page, compiled once when the view opens: the built-ins' base styles,
 * {@code app.ttss} (except on an independent subpackage's pages, which the platform does not
 * give it), the stylesheet of every component definition the page uses (directly or
 * through other components), then the page's own. A stylesheet that does not compile fails the
 * launch with {@code file:line:column}, as a template does; warnings become WARN entries once.
 */
final class PageStyles {
    private static final String APP_STYLESHEET = "app.ttss";
    private final TtssCompiler compiler;
    private final Map<String, String> cssByRoute = new HashMap<>();

    private PageStyles(TtssCompiler compiler) {
        this.compiler = compiler;
    }

    static PageStyles compile(LogicLayer logic, String baseCss) throws LaunchException {
        ProjectFiles files = logic.files();
        TtssCompiler compiler = new TtssCompiler(new StyleSources() {
            @Override
            public Optional<String> read(String projectPath) {
                return files.readText(projectPath);
            }

            @Override
            public Optional<String> packageRefusal(String from, String to) {
                return files.packageRefusal(from, to);
            }
        }, logic.systemInfo().number("windowWidth"));
        PageStyles styles = new PageStyles(compiler);
        Set<StyleProblem> warned = new LinkedHashSet<>();
        try {
            CompiledStyle app = compiler.compileApp();
            warned.addAll(app.warnings());
            for (String route : logic.pages()) {
                StringBuilder css = new StringBuilder(baseCss);
                if (files.packageRefusal(route, APP_STYLESHEET).isEmpty()) {
                    css.append(app.css());
                }
                for (String component : componentsUsedBy(logic, route)) {
                    CompiledStyle style = compiler.compileComponent(component, logic.componentInfo(component).options());
                    warned.addAll(style.warnings());
                    css.append(style.css());
                }
                CompiledStyle page = compiler.compilePage(route);
                warned.addAll(page.warnings());
                styles.cssByRoute.put(route, css.append(page.css()).toString());
            }
        } catch (TtssException e) {
            throw new LaunchException(e.getMessage());
        }
        warned.forEach(w -> Templates.warn(logic, w.location(), w.message()));
        return styles;
    }

    /** The component paths a page's template can reach through usingComponents, each once. */
    private static Set<String> componentsUsedBy(LogicLayer logic, String route) {
        Set<String> found = new LinkedHashSet<>();
        collect(logic, route, found);
        return found;
    }

    private static void collect(LogicLayer logic, String owner, Set<String> found) {
        for (String component : logic.usingComponents(owner).values()) {
            if (found.add(component)) {
                collect(logic, component, found);
            }
        }
    }

    /** The joined CSS of a page (the base styles alone for a route the app does not list). */
    String css(String route, String baseCss) {
        return cssByRoute.getOrDefault(route, baseCss);
    }

    /** An inline {@code style} value with its rpx in px of the instance's window. */
    String inlineStyle(String style) {
        return compiler.inlineStyle(style);
    }
}
