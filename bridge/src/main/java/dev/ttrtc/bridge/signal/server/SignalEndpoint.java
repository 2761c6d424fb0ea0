package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MessageCodec;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;

/**
 * Accepts signalling WebSockets and hands every frame to the {@link SignalService}. Frames up to
 * 16 times the protocol limit are read so that an oversized message earns an error frame; beyond
 * that Undertow drops the connection.
 */
final class SignalEndpoint implements WebSocketConnectionCallback {
    private static final int HARD_LIMIT_BYTES = 16 * MessageCodec.MAX_MESSAGE_BYTES;

    private final SignalService service;

    SignalEndpoint(SignalService service) {
        this.service = service;
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        service.opened(channel);
        channel.addCloseTask(service::closed);
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                service.received(ch, message.getData());
            }

            @Override
            protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
                message.getData().free();
                service.receivedBinary(ch);
            }

            @Override
            protected long getMaxTextBufferSize() {
                return HARD_LIMIT_BYTES;
            }

            @Override
            protected long getMaxBinaryBufferSize() {
                return HARD_LIMIT_BYTES;
            }
        });
        channel.resumeReceives();
    }
}
