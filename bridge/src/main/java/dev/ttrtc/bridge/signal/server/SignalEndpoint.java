package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.MessageCodec;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;

/**
 * Accepts signalling WebSockets and hands every frame to the {@link SignalService}. Messages up
 * to 16 times the protocol limit are read so that an oversized message earns an error frame;
 * beyond that the client gets an error frame and a close (1009) without the rest being read.
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
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onText(WebSocketChannel ch, StreamSourceFrameChannel message) {
                // Not Undertow's BufferedTextMessage: in 2.3 it counts only its first read against
                // getMaxTextBufferSize, so a text message of any size would be buffered whole.
                new TextReader(ch).handleEvent(message);
            }

            @Override
            protected void onFullBinaryMessage(WebSocketChannel ch, BufferedBinaryMessage message) {
                message.getData().free();
                service.receivedBinary(ch);
            }

            @Override
            protected long getMaxBinaryBufferSize() {
                return HARD_LIMIT_BYTES;
            }
        });
        channel.resumeReceives();
    }

    /** Reads one text message (all its fragments) on an IO thread, counting the bytes as they come. */
    private final class TextReader implements ChannelListener<StreamSourceFrameChannel> {
        private final WebSocketChannel channel;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TextReader(WebSocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void handleEvent(StreamSourceFrameChannel message) {
            try (PooledByteBuffer pooled = channel.getBufferPool().allocate()) {
                ByteBuffer buffer = pooled.getBuffer();
                while (true) {
                    buffer.clear();
                    int read = message.read(buffer);
                    if (read == -1) {
                        message.getReadSetter().set(null);
                        service.received(channel, bytes.toString(StandardCharsets.UTF_8));
                        return;
                    }
                    if (read == 0) {
                        message.getReadSetter().set(this);
                        message.resumeReads();
                        return;
                    }
                    if (bytes.size() + read > HARD_LIMIT_BYTES) {
                        message.getReadSetter().set(null);
                        IoUtils.safeClose(message);
                        service.receivedTooLarge(channel, HARD_LIMIT_BYTES);
                        return;
                    }
                    buffer.flip();
                    byte[] chunk = new byte[read];
                    buffer.get(chunk);
                    bytes.write(chunk, 0, read);
                }
            } catch (IOException e) {
                // Not UTF-8, or the connection broke; Undertow has sent the close it calls for.
                IoUtils.safeClose(message);
                IoUtils.safeClose(channel);
            }
        }
    }
}
