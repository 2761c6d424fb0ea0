package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MessageCodec;
import dev.ttrtc.bridge.signal.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A server message encoded once as UTF-8 JSON text; a broadcast hands the same frame to every
 * recipient, each reading its own view of the bytes.
 */
record Frame(ByteBuffer bytes) {
    static Frame of(ServerMessage message) {
        return ofText(MessageCodec.write(message));
    }

    static Frame ofText(String json) {
        return new Frame(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
    }

    int size() {
        return bytes.remaining();
    }

    /** A view with its own position, for one send. */
    ByteBuffer view() {
        return bytes.duplicate();
    }
}
