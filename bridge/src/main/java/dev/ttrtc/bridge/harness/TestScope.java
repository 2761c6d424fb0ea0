package dev.ttrtc.bridge.harness;

import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.runtime.MiniProgram;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one test started: its room server, its mini-program instances and its Java participants.
 * All of it is closed after the test, whether it passed, failed or timed out.
 */
final class TestScope implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestScope.class);

    final String name;
    final TestServer server;
    final List<MiniProgram> instances = new CopyOnWriteArrayList<>();
    final List<RemoteParticipant> remotes = new CopyOnWriteArrayList<>();
    volatile long timeoutMillis;

    TestScope(String name, long timeoutMillis) {
        this.name = name;
        this.timeoutMillis = timeoutMillis;
        this.server = new TestServer();
    }

    @Override
    public void close() {
        for (RemoteParticipant remote : remotes) {
            closeQuietly(remote::close, "participant " + remote.userId());
        }
        for (MiniProgram instance : instances) {
            closeQuietly(instance::close, "instance " + instance.id());
        }
        closeQuietly(server::close, "room server");
    }

    private void closeQuietly(Runnable close, String what) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warn("closing the {} of test '{}' failed", what, name, e);
        }
    }

    /**
     * The room server of one test: started on first use, and restartable on the same port so that
     * clients can reconnect to it.
     */
    static final class TestServer implements AutoCloseable {
        private RoomServer server;
        private int port;

        /** The running server, started when this is the first use. */
        synchronized RoomServer started() {
            if (server == null && port == 0) {
                start();
            }
            if (server == null) {
                throw new IllegalStateException("the test's room server is stopped");
            }
            return server;
        }

        /** The server when it runs. */
        synchronized RoomServer runningOrNull() {
            return server;
        }

        synchronized void start() {
            if (server == null) {
                server = RoomServer.builder().port(port).build().start();
                port = server.port();
            }
        }

        synchronized void stop() {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        @Override
        public synchronized void close() {
            stop();
        }
    }
}
