package dev.ttrtc.bridge.tt;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One daemon thread ({@code tt-rtc-timer}) for the faces' periodic reports; tasks hand their events to the instance's loop. */
final class RtcTimers {
    private static final Logger LOG = LoggerFactory.getLogger(RtcTimers.class);
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tt-rtc-timer");
        t.setDaemon(true);
        return t;
    });

    private RtcTimers() {
    }

    static ScheduledFuture<?> every(Duration period, Runnable task) {
        return SCHEDULER.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("a periodic RTC report failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
