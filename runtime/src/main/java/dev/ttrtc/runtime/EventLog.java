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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log of one mini-program instance: what its JS printed, asked for and received.
 *
 * <p>Thread-safe. Holds the most recent {@link #capacity()} entries and at most
 * {@link #maxBytes()} of them (each entry's text cut at {@value #TEXT_LIMIT} characters), so that
 * an instance left running for hours, or printing megabytes, stays bounded: the oldest entries
 * are dropped, {@link #dropped()} counts them, and the first drop records a note (an EVENT entry
 * {@code log-trimmed}). Once the instance has closed, the log keeps only the newest
 * {@link #RETAINED_AFTER_CLOSE} entries and {@link #RETAINED_BYTES_AFTER_CLOSE} bytes
 * ({@link #shrinkAfterClose()}). Sequence numbers keep increasing across evictions.
 * Subscribers are called on the thread that records the entry (usually the instance's loop
 * thread) and must return quickly.
 */
public final class EventLog {
    public static final int DEFAULT_CAPACITY = 20_000;
    /** How much text (strings counted at two bytes a character) the entries may hold together. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** An entry's text is cut after this many characters. */
    public static final int TEXT_LIMIT = 64 * 1024;
    public static final int RETAINED_AFTER_CLOSE = 1000;
    public static final long RETAINED_BYTES_AFTER_CLOSE = 1L << 20;
    /** What an entry costs besides its strings (the record, its timestamp, the tree's nodes). */
    private static final int ENTRY_OVERHEAD = 200;

    // Guarded by this.
    private int capacity;
    // Guarded by this.
    private long maxBytes;
    private final Clock clock;
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private final List<Consumer<HostEvent>> subscribers = new CopyOnWriteArrayList<>();
    // Guarded by this.
    private final ArrayDeque<HostEvent> entries = new ArrayDeque<>();
    // Guarded by this.
    private final ArrayDeque<Long> sizes = new ArrayDeque<>();
    // Guarded by this.
    private long bytes;
    // Guarded by this.
    private long dropped;
    // Guarded by this.
    private long nextSeq = 1;

    public EventLog() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public EventLog(int capacity, Clock clock) {
        this(capacity, DEFAULT_MAX_BYTES, clock);
    }

    public EventLog(int capacity, long maxBytes, Clock clock) {
        if (capacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("capacity and maxBytes must be positive");
        }
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public synchronized int capacity() {
        return capacity;
    }

    public synchronized long maxBytes() {
        return maxBytes;
    }

    /** How many entries were dropped to stay within the bounds so far. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The instance has closed: keep only what a reader needs to see how it ended (the newest entries). */
    public synchronized void shrinkAfterClose() {
        capacity = Math.min(capacity, RETAINED_AFTER_CLOSE);
        maxBytes = Math.min(maxBytes, RETAINED_BYTES_AFTER_CLOSE);
        trim();
    }

    /** Appends an entry and tells subscribers. */
    public HostEvent record(HostEvent.Kind kind, String name, String text, JsonNode data) {
        HostEvent event;
        String kept = text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) + "…(" + text.length() + " characters)" : text;
        long size = ENTRY_OVERHEAD + 2L * (name.length() + kept.length()) + sizeOf(data);
        synchronized (this) {
            event = new HostEvent(nextSeq++, clock.instant(), kind, name, kept, data);
            entries.addLast(event);
            sizes.addLast(size);
            bytes += size;
            long droppedBefore = dropped;
            trim();
            if (droppedBefore == 0 && dropped > 0) {
                HostEvent note = new HostEvent(nextSeq++, clock.instant(), HostEvent.Kind.EVENT, "log-trimmed",
                        "event log: the oldest entries are being dropped to keep at most " + capacity + " entries and "
                                + (maxBytes >> 20) + " MB", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
                entries.addLast(note);
                sizes.addLast((long) ENTRY_OVERHEAD);
                bytes += ENTRY_OVERHEAD;
            }
            notifyAll();
        }
        for (Consumer<HostEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                // A subscriber's bug (an embedder's listener) must not fail the code being recorded.
                LOG.warn("an event log subscriber failed", e);
            }
        }
        return event;
    }

    // Guarded by this. Keeps the newest entry whatever its size.
    private void trim() {
        while (entries.size() > 1 && (entries.size() > capacity || bytes > maxBytes)) {
            entries.removeFirst();
            bytes -= sizes.removeFirst();
            dropped++;
        }
    }

    /** The strings of a payload tree, at two bytes a character, plus a little per node. */
    private static long sizeOf(JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isTextual()) {
            return 16 + 2L * node.textValue().length();
        }
        long size = 16;
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                size += 2L * field.getKey().length() + sizeOf(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                size += sizeOf(child);
            }
        }
        return size;
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
