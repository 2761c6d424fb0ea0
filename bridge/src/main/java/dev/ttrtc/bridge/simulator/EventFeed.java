package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.MiniProgram;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log of the shown instance on its way to the pages: new entries go out in batches
 * ({@code events} messages), and a backlog of the newest ones greets a page that connects. The
 * backlog is bounded by count and by size, so that an instance logging huge entries cannot make
 * the simulator keep them. Simulator thread only, except the subscription's queue.
 */
final class EventFeed {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    /** Host rule: the backlog keeps the newest this many entries ... */
    static final int BACKLOG = 500;
    /** ... and at most this many characters of them. */
    static final int BACKLOG_CHARS = 4 * 1024 * 1024;

    private final ConcurrentLinkedQueue<HostEvent> pending = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<String> backlog = new ArrayDeque<>();
    private long backlogChars;
    /** The newest event of the shown instance already in the backlog. */
    private long shownSeq;
    private AutoCloseable following;

    /** Follows {@code program}'s log from now on (null: none); the backlog starts with its newest entries. */
    void follow(MiniProgram program) {
        stop();
        pending.clear();
        backlog.clear();
        backlogChars = 0;
        shownSeq = 0;
        if (program != null) {
            // Subscribe before the snapshot so nothing falls between; flush skips what both hold.
            following = program.events().subscribe(pending::add);
            List<HostEvent> earlier = program.events().snapshot();
            earlier.subList(Math.max(0, earlier.size() - BACKLOG), earlier.size()).forEach(e -> keep(e.toJson().toString()));
            shownSeq = earlier.isEmpty() ? 0 : earlier.get(earlier.size() - 1).seq();
        }
    }

    /** The entries that arrived since the last call, as an {@code events} message, or null when none did. */
    String flush() {
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (HostEvent event; (event = pending.poll()) != null; ) {
            if (event.seq() <= shownSeq) {
                continue; // already in the backlog from follow()'s snapshot
            }
            shownSeq = event.seq();
            ObjectNode json = event.toJson();
            keep(json.toString());
            batch.add(json);
        }
        if (batch.isEmpty()) {
            return null;
        }
        ObjectNode events = Simulator.message("events");
        events.set("events", batch);
        return events.toString();
    }

    /** The backlog as an {@code events} message (written by hand: the entries are JSON already). */
    String backlogMessage() {
        return "{\"type\":\"events\",\"events\":[" + String.join(",", backlog) + "]}";
    }

    private void keep(String json) {
        backlog.addLast(json);
        backlogChars += json.length();
        while (backlog.size() > BACKLOG || (backlogChars > BACKLOG_CHARS && backlog.size() > 1)) {
            backlogChars -= backlog.removeFirst().length();
        }
    }

    /** Stops following the log. */
    void stop() {
        AutoCloseable current = following;
        following = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed", e);
            }
        }
    }
}
