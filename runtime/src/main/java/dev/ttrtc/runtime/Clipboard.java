package dev.ttrtc.runtime;

/**
 * The system clipboard of the simulated phone: shared by every instance of one
 * {@link MiniProgramHost} (as apps on a phone share it), in memory. Thread-safe.
 */
public final class Clipboard {
    private volatile String text = "";

    /** What was copied last; empty at first. */
    public String text() {
        return text;
    }

    /** Copies text, as another app (or the user) would. */
    public void setText(String value) {
        this.text = java.util.Objects.requireNonNull(value, "value");
    }
}
