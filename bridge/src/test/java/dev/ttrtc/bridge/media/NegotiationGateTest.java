package dev.ttrtc.bridge.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.testkit.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-member bound on new peer connections, on an engine-like thread of its own. */
class NegotiationGateTest {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gate-test"));
    private final PeerConnectionBudget budget = new PeerConnectionBudget();
    private final NegotiationGate gate = new NegotiationGate(budget, thread);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private <T> T onThread(Callable<T> task) throws Exception {
        return thread.submit(task).get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_member_gets_its_burst_then_only_its_latest_negotiation_waits_and_runs_later() throws Exception {
        List<Integer> retried = new CopyOnWriteArrayList<>();
        for (int i = 0; i < NegotiationGate.MEMBER_BURST; i++) {
            assertTrue(onThread(() -> gate.mayCreate("mallory", NegotiationGate.Direction.SEND, () -> { })), "burst " + i);
        }
        for (int i = 0; i < 100; i++) {
            int attempt = i;
            assertFalse(onThread(() -> gate.mayCreate("mallory", NegotiationGate.Direction.SEND, () -> retried.add(attempt))));
        }
        assertEquals(1, budget.stats().deferred());
        assertEquals(1, (int) onThread(gate::pendingCount));
        // Other members and the other direction keep their own budgets.
        assertTrue(onThread(() -> gate.mayCreate("mallory", NegotiationGate.Direction.RECEIVE, () -> { })));
        assertTrue(onThread(() -> gate.mayCreate("carol", NegotiationGate.Direction.SEND, () -> { })));

        Eventually.await("the held-back negotiation runs once a token is back", Duration.ofSeconds(10), () -> !retried.isEmpty());
        assertEquals(List.of(99), retried);
        assertEquals(0, (int) onThread(gate::pendingCount));
    }

    @Test
    void a_member_that_leaves_leaves_nothing_waiting() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i <= NegotiationGate.MEMBER_BURST; i++) {
            onThread(() -> gate.mayCreate("mallory", NegotiationGate.Direction.RECEIVE, () -> ran.add("retry")));
        }
        assertEquals(1, (int) onThread(gate::pendingCount));
        onThread(() -> {
            gate.forget("mallory");
            return null;
        });
        assertEquals(0, (int) onThread(gate::pendingCount));
        assertEquals(List.of(), ran);
    }
}
