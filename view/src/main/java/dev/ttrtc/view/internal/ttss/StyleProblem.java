package dev.ttrtc.view.internal.ttss;

import java.util.Objects;

/**
 * Something the compiler reports about a stylesheet, at {@code file:line:column}.
 *
 * @param severity {@link Severity#WARNING} for what the platform ignores or renders differently
 *     (the stylesheet still compiles), {@link Severity#ERROR} for what its compiler rejects
 * @param file the project path of the file concerned ({@code pages/index/index.ttss})
 * @param line 1-based; 0 when the problem concerns the whole file
 * @param column 1-based (a tab counts as one column); 0 when the problem concerns the whole file
 * @param message one line, naming what is wrong and what happens to it
 */
public record StyleProblem(Severity severity, String file, int line, int column, String message) {

    /** How bad a problem is. */
    public enum Severity { WARNING, ERROR }

    public StyleProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column}, or just the file when the problem has no position. */
    public String location() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    /** {@code file:line:column: message}, the form every log and error line uses. */
    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
