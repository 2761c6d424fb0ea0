package dev.ttrtc.view.internal.ttml;

/** A template the platform's compiler would reject: {@code file:line:column: message}. */
public final class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    public TemplateException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
