package dev.ttrtc.view.internal.ttss;

/**
 * A stylesheet the platform's compiler would reject: a syntax error, an {@code @import} of a
 * missing file, of a file outside the project or in a cycle. The page (or the launch) fails with
 * {@link #getMessage()}, {@code file:line:column: message}, like a JS syntax error.
 */
public final class TtssException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StyleProblem problem;

    TtssException(StyleProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    /** The error with its location; its severity is always {@code ERROR}. */
    public StyleProblem problem() {
        return problem;
    }
}
