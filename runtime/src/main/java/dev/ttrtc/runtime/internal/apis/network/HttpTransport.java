package dev.ttrtc.runtime.internal.apis.network;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM's one HTTP client (JDK {@code java.net.http}), shared by every instance as the GraalJS
 * engine is, with the threads around it: {@code tt-net-start-N} start exchanges and sockets (so
 * the client's first creation, which loads the TLS trust store, and any blocking name lookup never
 * run on an instance's loop), {@code tt-net-timeouts} enforces deadlines, {@code tt-net-N} are the
 * client's workers. All are daemons; idle pool threads end after a minute. Each instance stops
 * its own exchanges and sockets when it closes.
 *
 * <p>Why the JDK client: HTTP/1.1, HTTP/2, TLS, WebSocket, cancellation and streamed bodies with
 * no dependency; OkHttp would add Kotlin's runtime for the same features here.
 */
final class HttpTransport {
    private static final ExecutorService STARTER = Executors.newCachedThreadPool(named("tt-net-start-"));
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, named("tt-net-timeouts"));

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    /** Made on first use, on a starter thread. */
    private static final class ClientHolder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .executor(Executors.newCachedThreadPool(named("tt-net-")))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_2)
                .build();
    }

    private HttpTransport() {
    }

    /** Runs {@code task} on a starter thread; it may use {@link #client()}. */
    static void start(Runnable task) {
        STARTER.execute(task);
    }

    /** The client; call it from a starter or worker thread, never an instance's loop. */
    static HttpClient client() {
        return ClientHolder.CLIENT;
    }

    /** Runs {@code task} on the timer thread after {@code delay}, unless cancelled first. */
    static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
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
