package dev.ttrtc.automator.internal;

import java.util.function.Supplier;

/** Reads of the rendered page, with the view's own failures turned into the client's errors. */
final class Views {
    private Views() {
    }

    /**
     * Runs a read of {@code InstanceView}/{@code ViewElement}: they throw
     * IllegalStateException (no page, the instance closed or did not answer) and
     * IllegalArgumentException (a selector outside the grammar) with texts written for users.
     */
    static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw AutomatorError.BAD_SELECTOR.error(e.getMessage());
        } catch (IllegalStateException e) {
            throw InstanceScript.fromInstance(e);
        }
    }
}
