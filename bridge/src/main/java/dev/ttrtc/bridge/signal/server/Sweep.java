package dev.ttrtc.bridge.signal.server;

import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for the dead, on the timer thread: a connection silent longer than the heartbeat timeout
 * is cut (its member is then detached in the connection's chain), and each room with a detached
 * member is asked, on its strand, to remove those gone longer than the timeout.
 */
final class Sweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

    private final Collection<Connection> connections;
    private final Collection<Room> rooms;
    private final long timeoutNanos;

    Sweep(Collection<Connection> connections, Collection<Room> rooms, Duration heartbeatTimeout) {
        this.connections = connections;
        this.rooms = rooms;
        this.timeoutNanos = heartbeatTimeout.toNanos();
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (!c.isClosed() && now - c.lastSeenNanos > timeoutNanos) {
                LOG.info("{} went silent; closing", c);
                c.abort();
            }
        }
        for (Room room : rooms) {
            if (room.hasDetached()) {
                room.strand.execute(() -> room.sweep(now, timeoutNanos));
            }
        }
    }
}
