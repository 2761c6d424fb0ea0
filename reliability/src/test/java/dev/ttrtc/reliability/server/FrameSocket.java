package dev.ttrtc.reliability.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket spoken by hand over a plain TCP socket, for frames no well-behaved client library
 * sends: text frames that are not UTF-8, reserved bits and opcodes, unmasked frames, lengths that
 * lie. Test thread only.
 */
final class FrameSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    /** What the server sent until the connection ended. */
    record Ending(List<String> texts, int closeCode, boolean closeFrame) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    FrameSocket(URI signal) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(signal.getHost(), signal.getPort()), 5000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + signal.getPath() + " HTTP/1.1\r\n"
                + "Host: " + signal.getHost() + ":" + signal.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no WebSocket upgrade: " + status);
        }
        while (!readLine(in).isEmpty()) {
            // headers
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A frame exactly as described: FIN, RSV bits, opcode, masked or not, and a declared length that may lie. */
    void frame(boolean fin, int rsv, int opcode, boolean masked, long declaredLength, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xF);
        int mask = masked ? 0x80 : 0;
        if (declaredLength < 126) {
            frame.write(mask | (int) declaredLength);
        } else if (declaredLength <= 0xFFFF) {
            frame.write(mask | 126);
            frame.write((int) (declaredLength >>> 8));
            frame.write((int) declaredLength);
        } else {
            frame.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (declaredLength >>> shift));
            }
        }
        byte[] key = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(key);
            frame.write(key, 0, 4);
        }
        byte[] body = payload.clone();
        for (int i = 0; masked && i < body.length; i++) {
            body[i] ^= key[i & 3];
        }
        frame.write(body, 0, body.length);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** A well-formed, masked, final frame. */
    void frame(int opcode, byte[] payload) throws IOException {
        frame(true, 0, opcode, true, payload.length, payload);
    }

    /** Sends a well-formed text frame. */
    void text(String text) throws IOException {
        frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next text frame within {@code timeout}; null when the connection ended first. */
    String nextText(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        while (true) {
            int first;
            byte[] payload;
            try {
                first = in.read();
                if (first < 0) {
                    return null;
                }
                payload = readPayload();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no frame within " + timeout);
            } catch (IOException cut) {
                return null;
            }
            if ((first & 0xF) == TEXT) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            if ((first & 0xF) == CLOSE) {
                return null;
            }
        }
    }

    private byte[] readPayload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    /**
     * Reads until the server ends the connection, within {@code timeout}: the text frames it sent
     * and the close code (-1 when the socket ended without a close frame).
     */
    Ending awaitEnd(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        List<String> texts = new ArrayList<>();
        while (true) {
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open for " + timeout + "; it sent " + texts);
            } catch (IOException reset) {
                return new Ending(texts, -1, false);
            }
            if (first < 0) {
                return new Ending(texts, -1, false);
            }
            int opcode = first & 0xF;
            byte[] payload;
            try {
                payload = readPayload();
            } catch (IOException cut) {
                return new Ending(texts, -1, false);
            }
            if (opcode == TEXT) {
                texts.add(new String(payload, StandardCharsets.UTF_8));
            } else if (opcode == CLOSE) {
                int code = payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : 1005;
                return new Ending(texts, code, true);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
