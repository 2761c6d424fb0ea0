package dev.ttrtc.view.internal.ttss;

import java.util.List;
import java.util.Objects;

/**
 * One TTSS file compiled to CSS, its {@code @import}s inlined.
 *
 * @param file the project path of the TTSS file ({@code pages/index/index.ttss})
 * @param exists false when the project has no such file (then {@code css} is empty)
 * @param css the CSS the simulator applies
 * @param warnings what the platform would ignore or render differently, its imports' included,
 *     in source order; equal problems are equal records, so a caller logging several sheets can
 *     drop repeats (a shared import's warnings come with every sheet that imports it)
 * @param scope the scope the file was compiled in; the HTML of the same template uses it for
 *     class names ({@link StyleScope#htmlClasses})
 */
public record CompiledStyle(String file, boolean exists, String css, List<StyleProblem> warnings, StyleScope scope) {

    public CompiledStyle {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(css, "css");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(scope, "scope");
    }
}
