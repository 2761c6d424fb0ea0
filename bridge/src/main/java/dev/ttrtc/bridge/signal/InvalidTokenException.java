package dev.ttrtc.bridge.signal;

/** A token failed a check; {@link #problem()} says which. */
public final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final TokenProblem problem;

    public InvalidTokenException(TokenProblem problem) {
        super(problem.description(), null, false, false);
        this.problem = problem;
    }

    public TokenProblem problem() {
        return problem;
    }
}
