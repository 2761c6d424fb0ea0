package dev.ttrtc.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * A JS error described for people: its message, where it happened in the mini-program's own files
 * ({@code pages/index/index.js:12:5}) and the JS stack. Host frames (the framework, the bootstrap)
 * are left out of the location so it points at the user's code.
 *
 * @param message for example {@code TypeError: Cannot read property 'x' of null}
 * @param location file:line:column in the project, or empty when no project frame is known
 * @param stack one entry per JS frame, innermost first
 */
record JsError(String message, String location, List<String> stack) {

    /** Names of host sources start with this, so they are never mistaken for project files. */
    public static final String HOST_SOURCE_PREFIX = "<host>/";

    /** The error with positions as a plain CommonJS loader runs files (no compiled files). */
    public static JsError of(PolyglotException e) {
        return of(e, SourceLocations.COMMONJS);
    }

    /** The error with every position moved to the files as written ({@code locations} knows what was compiled). */
    public static JsError of(PolyglotException e, SourceLocations locations) {
        List<String> stack = new ArrayList<>();
        String location = "";
        SourceSection at = e.isSyntaxError() ? e.getSourceLocation() : null;
        if (at != null) {
            location = locations.describe(at);
        }
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (!frame.isGuestFrame()) {
                continue;
            }
            SourceSection section = frame.getSourceLocation();
            String where = section == null ? "unknown" : locations.describe(section);
            String function = frame.getRootName() == null || frame.getRootName().isEmpty()
                    || frame.getRootName().startsWith(":") ? "<anonymous>" : frame.getRootName();
            stack.add(function + " (" + where + ")");
            if (location.isEmpty() && section != null && isProjectSource(section)) {
                location = where;
            }
        }
        return new JsError(messageOf(e), location, List.copyOf(stack));
    }

    /** The message without the location and code excerpt GraalJS puts into syntax errors. */
    private static String messageOf(PolyglotException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        if (e.isSyntaxError() && e.getSourceLocation() != null) {
            String name = e.getSourceLocation().getSource().getName();
            int at = firstLine.indexOf(name + ":");
            if (at >= 0) {
                int space = firstLine.indexOf(' ', at);
                firstLine = firstLine.substring(0, at) + (space < 0 ? "" : firstLine.substring(space + 1));
            }
        }
        return firstLine;
    }

    /** The stack without the host's own frames: what the mini-program's error listeners get. */
    public List<String> projectStack() {
        return stack.stream().filter(frame -> !frame.contains("(" + HOST_SOURCE_PREFIX)).toList();
    }

    private static boolean isProjectSource(SourceSection section) {
        return !section.getSource().getName().startsWith(HOST_SOURCE_PREFIX);
    }

    /**
     * The message as the host reports it: with a hint where the cause is a habit from WeChat,
     * whose projects are often ported (the JS itself sees the plain message, as on the phone).
     */
    public String messageWithHint() {
        return message.equals("ReferenceError: wx is not defined")
                ? message + " (Douyin mini-programs call tt, not WeChat's wx: tt-rtc-host has no wx, and neither has the phone)"
                : message;
    }

    /** {@code location: message}, or just the message when the location is unknown. */
    public String summary() {
        return location.isEmpty() ? messageWithHint() : location + ": " + messageWithHint();
    }
}
