package dev.ttrtc.view.internal.ttss;

import com.helger.css.CSSSourceLocation;
import java.util.List;

/** Where the compilation of one file records its warnings, at ph-css source locations. */
final class Warnings {
    private final String file;
    private final List<StyleProblem> sink;

    Warnings(String file, List<StyleProblem> sink) {
        this.file = file;
        this.sink = sink;
    }

    String file() {
        return file;
    }

    /** A warning of an imported file, reported with the file that imports it. */
    void add(StyleProblem problem) {
        sink.add(problem);
    }

    void at(CSSSourceLocation location, String message) {
        sink.add(problem(StyleProblem.Severity.WARNING, location, message));
    }

    StyleProblem error(CSSSourceLocation location, String message) {
        return problem(StyleProblem.Severity.ERROR, location, message);
    }

    private StyleProblem problem(StyleProblem.Severity severity, CSSSourceLocation location, String message) {
        if (location == null || !location.hasFirstTokenArea()) {
            return new StyleProblem(severity, file, 0, 0, message);
        }
        return new StyleProblem(severity, file, location.getFirstTokenBeginLineNumber(),
                location.getFirstTokenBeginColumnNumber(), message);
    }
}
