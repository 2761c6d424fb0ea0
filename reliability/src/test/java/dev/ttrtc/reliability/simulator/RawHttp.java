package dev.ttrtc.reliability.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Requests written by hand on a socket, so that every header is the attacker's to choose
 * ({@code Host} too, which Java's HTTP client will not forge): what a DNS-rebound page or a
 * page of another origin sends.
 */
final class RawHttp implements AutoCloseable {
    final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects with a small receive buffer (a page that stops reading fills it soon). */
    static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawHttp(socket);
    }

    /** Sends a GET with these headers (null values left out) and returns the status code. */
    int get(String target, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> {
            if (value != null) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        String head = readHead(socket.getInputStream());
        return Integer.parseInt(head.split(" ", 3)[1]);
    }

    /** A WebSocket handshake's headers for {@code /sim}. */
    static Map<String, String> upgrade(String host, String origin) {
        java.util.LinkedHashMap<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Host", host);
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Origin", origin);
        return headers;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection before its answer's head ended");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads until {@code marker} appears in what the server sent (as Latin-1), or the timeout. */
    boolean readUntil(String marker, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        StringBuilder tail = new StringBuilder();
        long total = 0;
        while (total < maxBytes) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                return false;
            }
            total += n;
            tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            if (tail.indexOf(marker) >= 0) {
                return true;
            }
            if (tail.length() > marker.length()) {
                tail.delete(0, tail.length() - marker.length());
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
