package dev.ttrtc.runtime.internal.apis.network;

import dev.ttrtc.runtime.UrlMapping;
import dev.ttrtc.runtime.api.InstanceContext;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network state of one instance: its URL mappings and timeouts, its cookies (the platform
 * keeps cookies per mini-program), and every exchange and socket in flight, which
 * {@link #closeAll()} stops when the instance closes. Thread-safe.
 */
final class InstanceNetwork {

    /** Something in flight that the instance can stop. */
    interface Abortable {
        /** Stops it as {@code task.abort()} does, answering the project's callbacks. */
        void abort();

        /** Stops it without answering anything (the instance is closing). */
        void release();
    }

    /** Headers the platform sets itself or HTTP owns; a project's values for them are ignored. */
    private static final Set<String> HOST_HEADERS = Set.of("referer", "user-agent", "host", "connection",
            "content-length", "expect", "upgrade", "cookie2", "te", "trailer", "transfer-encoding", "keep-alive");

    private final List<UrlMapping> mappings;
    private final Path projectDir;
    private final String userAgent;
    // Loop thread only: read on the first network call, so that projects without one pay nothing.
    private NetworkTimeouts timeouts;
    private final CookieManager cookies = new CookieManager();
    private final Set<Abortable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private InstanceNetwork(List<UrlMapping> mappings, Path projectDir, String userAgent) {
        this.mappings = mappings;
        this.projectDir = projectDir;
        this.userAgent = userAgent;
    }

    /** Made on the loop while the instance starts; stops everything in flight when it closes. */
    static InstanceNetwork install(InstanceContext instance, List<UrlMapping> mappings) {
        String sdk = instance.systemInfo().string("SDKVersion");
        InstanceNetwork network = new InstanceNetwork(mappings, instance.projectDir(),
                "Mozilla/5.0 (tt-rtc-host) ToutiaoMicroApp/" + sdk);
        instance.onClose(network::closeAll);
        return network;
    }

    List<UrlMapping> mappings() {
        return mappings;
    }

    /**
     * A request to {@code uri} with the project's headers (values already strings; the ones the
     * host owns left out), this instance's cookies and the host's User-Agent. Plain-HTTP requests
     * use HTTP/1.1 (no h2c upgrade headers); HTTPS ones negotiate HTTP/2 or HTTP/1.1.
     *
     * @throws IllegalArgumentException when a header name or value is not valid HTTP
     */
    HttpRequest.Builder newRequest(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("User-Agent", userAgent);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach((name, value) -> {
            if (!HOST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
            }
        });
        try {
            cookies.get(uri, Map.of()).forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        } catch (IOException e) {
            // The in-memory cookie store does not fail; without cookies the request still goes.
        }
        return builder;
    }

    /** Keeps the cookies a response from {@code uri} sets. */
    void rememberCookies(URI uri, HttpHeaders headers) {
        try {
            cookies.put(uri, headers.map());
        } catch (IOException e) {
            // As above: nothing to report, the response itself is unaffected.
        }
    }

    /** The timeout of a call of {@code api} with its own {@code timeout} parameter, if any. Loop thread only. */
    Duration timeout(String api, OptionalDouble own) {
        if (timeouts == null) {
            timeouts = NetworkTimeouts.of(projectDir);
        }
        return timeouts.forCall(api, own);
    }

    void track(Abortable work) {
        inFlight.add(work);
        if (closed) {
            work.release();
        }
    }

    void untrack(Abortable work) {
        inFlight.remove(work);
    }

    /** How many of the tracked items are sockets (for the five-socket limit). */
    long openSockets() {
        return inFlight.stream().filter(a -> a instanceof SocketSession).count();
    }

    private void closeAll() {
        closed = true;
        List.copyOf(inFlight).forEach(Abortable::release);
    }
}
