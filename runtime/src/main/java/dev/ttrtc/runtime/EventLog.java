package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The event log of one mini-program instance: what its JS printed, asked for and received.
 *
 * <p>Thread-safe. Holds the most recent {@link #capacity()} entries so that an instance left
 * running for hours stays bounded; sequence numbers keep increasing across evictions.
 * Subscribers are called on the thread that records the entry (usually the instance's loop
 * thread) and must return quickly.
 */
public final class EventLog {
    public static final int DEFAULT_CAPACITY = 20_000;

    private final int capacity;
    private final Clock clock;
    private final List<Consumer<HostEvent>> subscribers = new CopyOnWriteArrayList<>();
    // Guarded by this.
    private final ArrayDeque<HostEvent> entries = new ArrayDeque<>();
    // Guarded by this.
    private long nextSeq = 1;

    public EventLog() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public EventLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    public int capacity() {
        return capacity;
    }

    /** Appends an entry and tells subscribers. */
    public HostEvent record(HostEvent.Kind kind, String name, String text, JsonNode data) {
        HostEvent event;
        synchronized (this) {
            event = new HostEvent(nextSeq++, clock.instant(), kind, name, text, data);
            entries.addLast(event);
            if (entries.size() > capacity) {
                entries.removeFirst();
            }
            notifyAll();
        }
        for (Consumer<HostEvent> subscriber : subscribers) {
            subscriber.accept(event);
        }
        return event;
    }

    /** All retained entries, oldest first. */
    public synchronized List<HostEvent> snapshot() {
        return List.copyOf(entries);
    }

    /** Retained entries that match, oldest first. */
    public synchronized List<HostEvent> snapshot(Predicate<? super HostEvent> filter) {
        List<HostEvent> matching = new ArrayList<>();
        for (HostEvent event : entries) {
            if (filter.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    /**
     * Returns the first retained entry that matches, waiting up to {@code timeout} for one to be
     * recorded.
     */
    public HostEvent waitFor(Predicate<? super HostEvent> filter, Duration timeout)
            throws TimeoutException, InterruptedException {
        return waitForAfter(0, filter, timeout);
    }

    /**
     * Returns the first entry with a sequence number above {@code afterSeq} that matches, waiting
     * up to {@code timeout} for one to be recorded.
     */
    public HostEvent waitForAfter(long afterSeq, Predicate<? super HostEvent> filter, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            long scannedUpTo = afterSeq;
            while (true) {
                for (HostEvent event : entries) {
                    if (event.seq() > scannedUpTo && filter.test(event)) {
                        return event;
                    }
                }
                scannedUpTo = nextSeq - 1;
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException("no matching event within " + timeout.toMillis() + " ms");
                }
                long millis = Math.max(1, remaining / 1_000_000);
                wait(millis);
            }
        }
    }

    /** The sequence number of the newest entry, 0 when none was recorded yet. */
    public synchronized long lastSeq() {
        return nextSeq - 1;
    }

    /** Calls {@code subscriber} for every entry recorded from now on; close the result to stop. */
    public AutoCloseable subscribe(Consumer<HostEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
