package dev.ttrtc.bridge.signal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket behind the room server's message and signal-data limits, on an explicit clock. */
class RateBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_full_budget_holds_a_burst_of_twice_the_rate_and_no_more() {
        RateBudget budget = new RateBudget(100, 0);
        assertTrue(budget.take(0, 150));
        assertTrue(budget.take(0, 50));
        assertFalse(budget.take(0, 1), "the burst is 200");
    }

    @Test
    void it_refills_at_the_rate_up_to_the_burst() {
        RateBudget budget = new RateBudget(100, 0);
        assertTrue(budget.take(0, 200));
        assertFalse(budget.take(SECOND / 2, 51), "half a second brings 50");
        assertTrue(budget.take(SECOND / 2, 50));
        assertTrue(budget.take(SECOND / 2 + 10 * SECOND, 200), "ten idle seconds refill only to the burst");
        assertFalse(budget.take(SECOND / 2 + 10 * SECOND, 1));
    }

    @Test
    void a_refused_take_takes_nothing() {
        RateBudget budget = new RateBudget(100, 0);
        assertFalse(budget.take(0, 201));
        assertTrue(budget.take(0, 200), "the refused 201 left the budget whole");
    }
}
