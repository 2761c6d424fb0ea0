package dev.ttrtc.reliability.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network path on loopback that a test can break: every media address signalled through a
 * {@link SignalTap} is replaced by a relay port here, which forwards datagrams to the real
 * address from the relay port standing for their sender. So each side sees the other only
 * through the relay, as if across a NAT. {@link #breakExisting()} makes every mapping that exists
 * drop its datagrams for good (a NAT losing its mappings); mappings made later work.
 * {@link #block} drops everything while set (a link going down for a while).
 *
 * <p>One thread, {@code test-udp-relay}, does all forwarding.
 */
final class UdpRelay implements AutoCloseable {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    private final Selector selector;
    private final Map<InetSocketAddress, DatagramChannel> byTarget = new ConcurrentHashMap<>();
    private final Map<DatagramChannel, InetSocketAddress> targets = new ConcurrentHashMap<>();
    private final Set<DatagramChannel> broken = ConcurrentHashMap.newKeySet();
    private final Queue<DatagramChannel> toRegister = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean blocked;

    UdpRelay() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "test-udp-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** The relay port standing for {@code target} (made on first use). Any thread. */
    int portFor(InetSocketAddress target) {
        return channelFor(target).socket().getLocalPort();
    }

    private DatagramChannel channelFor(InetSocketAddress target) {
        return byTarget.computeIfAbsent(target, t -> {
            try {
                DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(LOOPBACK);
                channel.configureBlocking(false);
                targets.put(channel, t);
                toRegister.add(channel);
                selector.wakeup();
                return channel;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every path that exists now stops carrying anything, for good; paths made later work. */
    void breakExisting() {
        broken.addAll(targets.keySet());
    }

    /** While true, nothing passes. */
    void block(boolean on) {
        blocked = on;
    }

    long forwarded() {
        return forwarded.get();
    }

    long dropped() {
        return dropped.get();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        try {
            while (selector.isOpen()) {
                selector.select(100);
                for (DatagramChannel channel; (channel = toRegister.poll()) != null; ) {
                    channel.register(selector, SelectionKey.OP_READ);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel in = (DatagramChannel) key.channel();
                    for (InetSocketAddress from; (from = receive(in, buffer)) != null; ) {
                        if (blocked || broken.contains(in)) {
                            dropped.incrementAndGet();
                            continue;
                        }
                        DatagramChannel out = channelFor(from);
                        if (out.keyFor(selector) == null && toRegister.remove(out)) {
                            out.register(selector, SelectionKey.OP_READ);
                        }
                        buffer.flip();
                        out.send(buffer, targets.get(in));
                        forwarded.incrementAndGet();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException | IOException e) {
            // closed
        }
    }

    private static InetSocketAddress receive(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return (InetSocketAddress) channel.receive(buffer);
    }

    @Override
    public void close() throws IOException {
        selector.close();
        for (DatagramChannel channel : targets.keySet()) {
            channel.close();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
