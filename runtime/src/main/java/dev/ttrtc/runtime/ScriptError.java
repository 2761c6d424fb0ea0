package dev.ttrtc.runtime;

import java.util.List;

/**
 * A JS error that reached the embedder, for example from {@link MiniProgram#callPageMethod}. The
 * message is {@code location: message} when the error happened in a project file.
 */
public final class ScriptError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final List<String> jsStack;

    public ScriptError(String message, String location, List<String> jsStack) {
        super(location.isEmpty() ? message : location + ": " + message, null, false, false);
        this.location = location;
        this.jsStack = List.copyOf(jsStack);
    }

    /** file:line:column in the project, or empty. */
    public String location() {
        return location;
    }

    /** The JS frames, innermost first. */
    public List<String> jsStack() {
        return jsStack;
    }
}
