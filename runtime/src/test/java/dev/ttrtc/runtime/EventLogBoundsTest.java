package dev.ttrtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event log stays bounded by entries and by bytes, notes that it dropped entries, and shrinks once closed. */
class EventLogBoundsTest {

    @Test
    void the_oldest_entries_go_when_the_entries_pass_the_byte_bound_with_a_note() {
        EventLog log = new EventLog(20_000, 1L << 20, Clock.systemUTC());
        String line = "x".repeat(10_000); // ~20 KB an entry: about 50 fit in 1 MB
        for (int i = 0; i < 500; i++) {
            log.record(HostEvent.Kind.CONSOLE, "log", i + " " + line, JsonNodeFactory.instance.objectNode());
        }
        List<HostEvent> kept = log.snapshot();
        assertTrue(kept.size() < 60, "kept " + kept.size());
        assertTrue(log.dropped() > 440, "dropped " + log.dropped());
        assertTrue(kept.get(kept.size() - 1).text().startsWith("499 "), "the newest entry stays");
        HostEvent note = log.snapshot(e -> e.name().equals("log-trimmed")).stream().findFirst().orElse(null);
        // The note is recorded at the first drop; by now it may have been dropped itself, but it was recorded once.
        assertEquals(1, log.lastSeq() - 500, "one note among the 500 entries");
        if (note != null) {
            assertEquals("event log: the oldest entries are being dropped to keep at most 20000 entries and 1 MB", note.text());
        }
    }

    @Test
    void an_entry_s_text_is_cut_and_one_huge_entry_does_not_empty_the_log_of_itself() {
        EventLog log = new EventLog(10, 1L << 20, Clock.systemUTC());
        log.record(HostEvent.Kind.CONSOLE, "log", "y".repeat(5_000_000), JsonNodeFactory.instance.objectNode());
        HostEvent only = log.snapshot().get(0);
        assertEquals(EventLog.TEXT_LIMIT + "…(5000000 characters)".length(), only.text().length());
    }

    @Test
    void a_closed_instance_s_log_keeps_only_its_newest_entries() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            java.nio.file.Path project = java.nio.file.Files.createTempDirectory("log-bounds");
            MiniProgram app = host.launch(LaunchOptions.builder(ProjectFolder.in(project).page("pages/index/index",
                    "for (let i = 0; i < 3000; i++) console.log('line ' + i);\nPage({});").write()).build());
            assertTrue(app.events().snapshot().size() > 3000);
            app.close();
            List<HostEvent> kept = app.events().snapshot();
            assertEquals(EventLog.RETAINED_AFTER_CLOSE, kept.size());
            assertTrue(kept.stream().anyMatch(e -> e.text().equals("line 2999")), "the newest lines stay");
        }
    }
}
