package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.errors.RtcException;

/** A client's request is refused: the error frame answers request {@code id} (0 when it had none). */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int id;
    final transient RtcException error;

    Refusal(int id, RtcException error) {
        super(error.getMessage(), null, false, false);
        this.id = id;
        this.error = error;
    }
}
