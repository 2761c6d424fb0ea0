package dev.ttrtc.reliability.server;

import static dev.ttrtc.reliability.server.BadFrames.DEV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.signal.server.ServerSettings;
import dev.ttrtc.reliability.Figures;
import dev.ttrtc.testkit.WebSocketRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, finding 8: half-sent HTTP requests were never timed out, so 500 of them held their
 * sockets for good and, with the descriptor limit reached, locked normal clients out. Now a
 * request must arrive whole within the parse timeout and a connection without a request is let
 * go after the idle timeout: every such socket is closed by the server, and a normal client joins
 * a room while they are open.
 */
class HalfSentRequestTest {
    static final int HALF_SENT = 500;
    static final int SILENT = 100;
    static final int DRIBBLING = 20;
    /** Shorter than the defaults (5 s, 30 s) so the test is short; the mechanism is the same. */
    static final ServerSettings SETTINGS = ServerSettings.defaults()
            .withRequestParseTimeout(Duration.ofSeconds(2)).withIdleTimeout(Duration.ofSeconds(3));
    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void half_sent_silent_and_dribbling_requests_are_cut_and_normal_clients_get_in() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try (RoomServer server = RoomServer.builder().port(0).settings(SETTINGS).build().start()) {
            String head = "GET /signal HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n";
            for (int i = 0; i < HALF_SENT; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            for (int i = 0; i < SILENT; i++) {
                sockets.add(new Socket("127.0.0.1", server.port()));
            }
            List<Socket> dribblers = new ArrayList<>();
            for (int i = 0; i < DRIBBLING; i++) {
                dribblers.add(new Socket("127.0.0.1", server.port()));
            }
            sockets.addAll(dribblers);
            Thread dribble = new Thread(() -> dribble(dribblers, head.getBytes(StandardCharsets.US_ASCII)), "dribbler");
            dribble.setDaemon(true);
            dribble.start();

            // A normal client meanwhile.
            try (WebSocketRecorder client = HealthyRooms.member(server.signalUri())) {
                client.send(new BadFrames().join(DEV, "r", "normal", HealthyRooms.token(DEV, "r", "normal")).render());
                client.nextJson("joined");
            }

            long notCut = 0;
            for (Socket s : sockets) {
                if (!cutByServer(s)) {
                    notCut++;
                }
            }
            dribble.interrupt();
            Figures.record("Server input", "half-sent HTTP requests (" + HALF_SENT + "), connections that send nothing ("
                    + SILENT + ") and requests dribbled a byte at a time (" + DRIBBLING + "): each cut by the server "
                    + "(parse and idle timeouts) while a normal client joined a room (`HalfSentRequestTest`)",
                    sockets.size(), notCut);
            assertEquals(0, notCut, "sockets the server kept open");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Sends one byte of the request to each socket in turn, every 200 ms, until interrupted or cut. */
    private static void dribble(List<Socket> sockets, byte[] request) {
        for (int i = 0; !Thread.currentThread().isInterrupted(); i = (i + 1) % request.length) {
            for (Socket s : sockets) {
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(request[i]);
                } catch (IOException cut) {
                    // the server let it go: what the test wants
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /** Reads until the server closes the socket (end of stream or reset); false when it stays open past the deadline. */
    private static boolean cutByServer(Socket s) throws IOException {
        s.setSoTimeout((int) DEADLINE.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // an error response, if any
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
