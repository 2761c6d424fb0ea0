package dev.ttrtc.tools.harness;

import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.runtime.HostEvent;
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
    private final List<MiniProgram> instances = new CopyOnWriteArrayList<>();
    private final List<RemoteParticipant> remotes = new CopyOnWriteArrayList<>();
    volatile long timeoutMillis;
    // Guarded by this.
    private boolean closed;

    TestScope(String name, long timeoutMillis) {
        this.name = name;
        this.timeoutMillis = timeoutMillis;
        this.server = new TestServer();
    }

    /**
     * Refuses a start once the test has ended, before anything is created: a refused start must
     * leave nothing running, not even for the moment {@link #adopt} would take to close it.
     */
    void requireOpen() {
        synchronized (this) {
            if (!closed) {
                return;
            }
        }
        throw new IllegalStateException(ended());
    }

    /**
     * Keeps an instance the test launched, to close it after the test; closes it at once when the
     * test ended while it was starting.
     */
    void adopt(MiniProgram instance) {
        adopt(instance, instances, instance::close, "instance " + instance.id());
    }

    /** Keeps a participant the test created, like {@link #adopt(MiniProgram)}. */
    void adopt(RemoteParticipant remote) {
        adopt(remote, remotes, remote::close, "participant " + remote.userId());
    }

    private <T> void adopt(T item, List<T> keptIn, Runnable close, String what) {
        synchronized (this) {
            if (!closed) {
                keptIn.add(item);
                return;
            }
        }
        closeQuietly(close, what);
        throw new IllegalStateException(ended());
    }

    /** The uncaught errors the test's instances logged, oldest first. */
    List<String> miniProgramErrors() {
        return instances.stream().flatMap(i -> i.events().snapshot(e -> e.kind() == HostEvent.Kind.ERROR).stream())
                .map(HostEvent::text).toList();
    }

    private String ended() {
        return "test '" + name + "' has ended: nothing more can be started in it";
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
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
        private boolean closed;

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
            if (closed) {
                throw new IllegalStateException("the test has ended: its room server is closed");
            }
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
            closed = true;
            stop();
        }
    }
}
