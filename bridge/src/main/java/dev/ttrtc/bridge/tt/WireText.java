package dev.ttrtc.bridge.tt;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.ttrtc.bridge.signal.MessageCodec;

/**
 * What text from JS can travel to the room server. Signalling messages are UTF-8 JSON of at
 * most {@link MessageCodec#MAX_MESSAGE_BYTES}: a string with a lone surrogate cannot be encoded
 * at all, and a token too long for a join message would be refused as an oversized frame, never
 * as a token. The faces check both before sending, so such calls fail at once with the
 * documented answer instead of waiting for a reply that cannot come.
 */
final class WireText {
    /** Room for the rest of a join message (appId, roomId, userId, field names, state). */
    private static final int MESSAGE_RESERVE_BYTES = 1024;
    static final int MAX_TOKEN_BYTES = MessageCodec.MAX_MESSAGE_BYTES - MESSAGE_RESERVE_BYTES;

    private WireText() {
    }

    /** Well-formed UTF-16: every surrogate is half of a pair. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a token can reach the room server in a join or update-token message: its size is
     * counted as it travels, JSON-escaped UTF-8 (a control character takes 6 bytes).
     */
    static boolean isSendableToken(String token) {
        return token.length() <= MAX_TOKEN_BYTES && isWellFormed(token)
                && JsonStringEncoder.getInstance().quoteAsUTF8(token).length <= MAX_TOKEN_BYTES;
    }
}
