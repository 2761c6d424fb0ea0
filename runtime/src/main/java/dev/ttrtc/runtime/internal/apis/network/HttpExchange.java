package dev.ttrtc.runtime.internal.apis.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange in flight: the response body streamed into memory or a file up to a limit,
 * an overall deadline, {@link #abort()}, and exactly one outcome. Thread-safe.
 *
 * <p>The listener is called on the HTTP client's threads ({@code tt-net-N}, {@code tt-net-start-N}),
 * or on the timer thread or the aborting thread for a timeout or an abort; {@link Listener#complete} or
 * {@link Listener#failed} is the last call, and only one of them happens.
 */
final class HttpExchange implements InstanceNetwork.Abortable {

    interface Listener {
        /** The status line and headers arrived. */
        void headers(int statusCode, HttpHeaders headers);

        /** {@code received} body bytes so far of {@code expected} (-1 when the server did not say). */
        default void progress(long received, long expected) {
        }

        /** The whole body arrived ({@code body} is empty when it went to a file). */
        void complete(int statusCode, HttpHeaders headers, byte[] body);

        void failed(NetError error);
    }

    private final Listener listener;
    private final Path file;
    private final long limit;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final InstanceNetwork owner;
    private volatile CompletableFuture<HttpResponse<byte[]>> future;
    private volatile ScheduledFuture<?> deadline;
    private volatile BodyReader reader;

    private HttpExchange(InstanceNetwork owner, Listener listener, Path file, long limit) {
        this.owner = owner;
        this.listener = listener;
        this.file = file;
        this.limit = limit;
    }

    /**
     * Sends {@code request}; the body goes to memory, or to {@code file} when it is not null.
     * Bodies longer than {@code limit} bytes fail with {@link NetError#RESPONSE_TOO_LARGE}.
     */
    static HttpExchange start(InstanceNetwork owner, HttpRequest request, Path file, long limit, Duration timeout,
            Listener listener) {
        HttpExchange exchange = new HttpExchange(owner, listener, file, limit);
        owner.track(exchange);
        exchange.deadline = HttpTransport.schedule(() -> exchange.fail(NetError.TIMEOUT), timeout);
        HttpTransport.start(() -> exchange.send(request));
        return exchange;
    }

    /** On a starter thread: hands the request to the client unless the exchange already ended. */
    private void send(HttpRequest request) {
        if (ended.get()) {
            return;
        }
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = HttpTransport.client().sendAsync(request, this::bodyFor);
        } catch (RuntimeException e) {
            fail(NetError.NETWORK_ERROR);
            return;
        }
        future = sent;
        if (ended.get()) {
            sent.cancel(true); // aborted or timed out while being handed over
            return;
        }
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                fail(NetError.of(failure));
            } else {
                succeed(response);
            }
        });
    }

    @Override
    public void abort() {
        fail(NetError.ABORT);
    }

    @Override
    public void release() {
        if (finish()) {
            stop();
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        if (ended.get()) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        listener.headers(info.statusCode(), info.headers());
        long expected = info.headers().firstValueAsLong("content-length").orElse(-1);
        try {
            BodyReader body = new BodyReader(expected);
            reader = body;
            return body;
        } catch (IOException e) {
            fail(NetError.NETWORK_ERROR);
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
    }

    private void succeed(HttpResponse<byte[]> response) {
        if (finish()) {
            listener.complete(response.statusCode(), response.headers(), response.body());
        }
    }

    private void fail(NetError error) {
        if (finish()) {
            stop();
            listener.failed(error);
        }
    }

    /** Stops the transfer: cancels the exchange (which closes its connection) and the body. */
    private void stop() {
        CompletableFuture<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        BodyReader body = reader;
        if (body != null) {
            body.cancel();
        }
    }

    /** Marks the exchange ended; true for the one caller that does so. */
    private boolean finish() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        owner.untrack(this);
        return true;
    }

    /** Takes the body one chunk at a time into memory or the file, failing past the limit. */
    private final class BodyReader implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long expected;
        private final OutputStream out;
        private volatile Flow.Subscription subscription;
        // Written by the one thread the client delivers chunks on at a time.
        private long received;

        BodyReader(long expected) throws IOException {
            this.expected = expected;
            this.out = file == null
                    ? new ByteArrayOutputStream((int) Math.max(0, Math.min(expected, Math.min(limit, 1 << 20))))
                    : Files.newOutputStream(file);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (ended.get()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer item : items) {
                    received += item.remaining();
                    if (received > limit) {
                        fail(NetError.RESPONSE_TOO_LARGE);
                        return;
                    }
                    byte[] chunk = new byte[item.remaining()];
                    item.get(chunk);
                    out.write(chunk);
                }
            } catch (IOException e) {
                fail(NetError.NETWORK_ERROR);
                return;
            }
            listener.progress(received, expected);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            closeQuietly();
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            try {
                out.close();
                result.complete(out instanceof ByteArrayOutputStream memory ? memory.toByteArray() : new byte[0]);
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                out.close();
            } catch (IOException e) {
                // Nothing more to write; the exchange has already failed.
            }
        }
    }
}
