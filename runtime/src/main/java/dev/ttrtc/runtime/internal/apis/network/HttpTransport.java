package dev.ttrtc.runtime.internal.apis.network;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM's one HTTP client (JDK {@code java.net.http}) and the timer that enforces request
 * timeouts, made on the first network call and shared by every instance, as the GraalJS engine is.
 * Each instance aborts its own exchanges and sockets when it closes; the client's connection pool
 * and its threads ({@code tt-net-N}, idle ones end after a minute; the JDK's own
 * {@code HttpClient-N-SelectorManager}; {@code tt-net-timeouts}) are daemons of the JVM.
 *
 * <p>Why the JDK client: it has HTTP/1.1, HTTP/2, TLS, WebSocket, cancellation and streamed
 * bodies with no dependency; OkHttp would add Kotlin's runtime for the same features here.
 */
final class HttpTransport {
    private static final class Holder {
        static final HttpTransport INSTANCE = new HttpTransport();
    }

    private final HttpClient client;
    private final ScheduledExecutorService timer;

    private HttpTransport() {
        ExecutorService workers = Executors.newCachedThreadPool(named("tt-net-"));
        this.client = HttpClient.newBuilder()
                .executor(workers)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_2)
                .build();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("tt-net-timeouts"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
    }

    static HttpTransport shared() {
        return Holder.INSTANCE;
    }

    HttpClient client() {
        return client;
    }

    /** Runs {@code task} on the timer thread after {@code delay}, unless cancelled first. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
