package dev.ttrtc.runtime.internal;

import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The host side of {@code setTimeout}/{@code setInterval}/{@code clear…} for bootstrap.js, shared
 * by mini-program instances and tool scripts. bootstrap.js converts what JS passed the way
 * browsers do (ToNumber, then ToInteger, clamped to [0, 2^31 - 1]; ids that are no positive
 * integer are ignored), so the values that arrive here are whole numbers — which JS may still
 * hold as doubles, hence {@code asDouble}.
 */
final class TimerHooks {
    /** Host rule: an instance may have this many timers pending; more throw a RangeError. */
    static final int MAX_PENDING_TIMERS = 10_000;

    private TimerHooks() {
    }

    static void addTo(Map<String, Object> hooks, EventLoop loop) {
        hooks.put("setTimer", (ProxyExecutable) a -> {
            if (loop.pendingTimers() >= MAX_PENDING_TIMERS) {
                return -1; // bootstrap.js throws a RangeError naming the limit
            }
            Value callback = a[0];
            return loop.setTimer(callback::executeVoid, (long) a[1].asDouble(), a[2].asBoolean());
        });
        hooks.put("clearTimer", (ProxyExecutable) a -> {
            loop.clearTimer((long) a[0].asDouble());
            return null;
        });
        hooks.put("maxPendingTimers", MAX_PENDING_TIMERS);
    }
}
