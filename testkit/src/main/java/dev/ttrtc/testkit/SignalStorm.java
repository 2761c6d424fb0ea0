package dev.ttrtc.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client doing its worst to a room server, as an independent review found it could: it fills
 * a room with invisible members (as many connections as it is allowed, each kept alive with pings
 * but never reading what the server sends), then one visible member of that room publishes audio
 * and toggles {@code speaking} just under the per-connection rate limit, so that every toggle is
 * a broadcast to every member. Speaks the signalling protocol as JSON text; tokens come from the
 * caller ({@code tokenFor(room, user)}).
 *
 * <p>Threads: {@link #fill} and {@link #toggle} run on the caller's thread; pings go out on the
 * thread named {@code signal-storm}; the JDK's WebSocket threads only record answers.
 */
public final class SignalStorm implements AutoCloseable {
    private static final Pattern CODE = Pattern.compile("\"type\":\"error\".*\"code\":(\\d+)");
    private static final String PING = "{\"v\":1,\"type\":\"ping\"}";
    private static final String PUBLISHING_AUDIO = "{\"audioCapture\":true,\"videoCapture\":false,"
            + "\"audioPublished\":true,\"videoPublished\":false,\"screenPublished\":false}";

    /** How the server answered each invisible member's join: "joined", "error 21102", "closed", … */
    public record Outcome(Map<String, Integer> answers) {
        public int count(String answer) {
            return answers.getOrDefault(answer, 0);
        }

        public int total() {
            return answers.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final URI signal;
    private final String appId;
    private final String roomId;
    private final BiFunction<String, String, String> tokenFor;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> held = new ArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private volatile WebSocket toggler;
    private final Thread pinger;
    private volatile boolean stopped;

    public SignalStorm(URI signal, String appId, String roomId, BiFunction<String, String, String> tokenFor) {
        this.signal = signal;
        this.appId = appId;
        this.roomId = roomId;
        this.tokenFor = tokenFor;
        this.pinger = new Thread(this::keepAlive, "signal-storm");
        this.pinger.setDaemon(true);
        this.pinger.start();
    }

    private String join(String user, boolean visible) {
        return "{\"v\":1,\"type\":\"join\",\"id\":1,\"appId\":\"" + appId + "\",\"roomId\":\"" + roomId + "\",\"userId\":\""
                + user + "\",\"token\":\"" + tokenFor.apply(roomId, user) + "\",\"visible\":" + visible
                + ",\"state\":{\"audioCapture\":false,\"videoCapture\":false,\"audioPublished\":false,"
                + "\"videoPublished\":false,\"screenPublished\":false},\"resume\":null}";
    }

    /**
     * Opens {@code count} connections, each joining invisibly; waits for each one's first answer and
     * keeps every connection the server left open. Connections the server refused at the HTTP
     * level count as "refused".
     */
    public Outcome fill(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            CompletableFuture<String> first = new CompletableFuture<>();
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().buildAsync(signal, new FirstAnswer(first)).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                answers.merge("refused", 1, Integer::sum);
                continue;
            }
            socket.sendText(join("invisible-" + i, false), true);
            String answer;
            try {
                answer = first.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                answer = "no answer";
            }
            answers.merge(answer, 1, Integer::sum);
            if (!answer.equals("closed")) {
                synchronized (held) {
                    held.add(socket);
                }
            }
        }
        return new Outcome(new TreeMap<>(answers));
    }

    /**
     * Joins the visible member that will toggle: first, before {@link #fill} takes every connection
     * the server allows.
     */
    public void joinToggler() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        toggler = http.newWebSocketBuilder().buildAsync(signal, new Reader(first)).get(10, TimeUnit.SECONDS);
        toggler.sendText(join("toggler", true), true).get(10, TimeUnit.SECONDS);
        String joined = first.get(10, TimeUnit.SECONDS);
        if (!joined.equals("joined")) {
            throw new IllegalStateException("the toggler could not join: " + joined);
        }
        toggler.sendText("{\"v\":1,\"type\":\"update\",\"id\":2,\"state\":" + PUBLISHING_AUDIO + "}", true)
                .get(10, TimeUnit.SECONDS);
    }

    /** Toggles speaking {@code perSecond} times a second for {@code length}; returns the toggles sent. */
    public long toggle(int perSecond, Duration length) {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long sent = 0;
        long now;
        while ((now = System.nanoTime()) < end && !stopped) {
            long due = (now - start) * perSecond / 1_000_000_000L;
            while (sent < due) {
                if (!sendToToggler("{\"v\":1,\"type\":\"speaking\",\"speaking\":" + (sent % 2 == 0) + "}")) {
                    return sent;
                }
                sent++;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return sent;
    }

    /** One send on the toggler at a time (the JDK refuses overlapping sends); false once it is cut. */
    private synchronized boolean sendToToggler(String text) {
        try {
            toggler.sendText(text, true).join();
            return true;
        } catch (java.util.concurrent.CompletionException cut) {
            return false;
        }
    }

    private void keepAlive() {
        while (!stopped) {
            if (toggler != null) {
                sendToToggler(PING);
            }
            List<WebSocket> sockets;
            synchronized (held) {
                sockets = List.copyOf(held);
            }
            for (WebSocket socket : sockets) {
                if (!socket.isOutputClosed()) {
                    socket.sendText(PING, true);
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(400).toNanos());
        }
    }

    /** The invisible members' connections the attacker kept (the server may have cut some since). */
    public int held() {
        synchronized (held) {
            return held.size();
        }
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (held) {
            held.forEach(WebSocket::abort);
            held.clear();
        }
        if (toggler != null) {
            toggler.abort();
        }
    }

    private static String describe(String text) {
        if (text.contains("\"type\":\"joined\"")) {
            return "joined";
        }
        Matcher m = CODE.matcher(text);
        return m.find() ? "error " + m.group(1) : "other";
    }

    /** Records the first answer, then reads nothing more: the server's frames pile up. */
    private static final class FirstAnswer implements WebSocket.Listener {
        private final CompletableFuture<String> first;
        private final StringBuilder partial = new StringBuilder();

        FirstAnswer(CompletableFuture<String> first) {
            this.first = first;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                first.complete(describe(partial.toString()));
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            first.complete("closed");
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            first.complete("closed");
        }
    }

    /** Reads everything; the first answer is recorded. */
    private static final class Reader implements WebSocket.Listener {
        private final CompletableFuture<String> first;
        private final StringBuilder partial = new StringBuilder();

        Reader(CompletableFuture<String> first) {
            this.first = first;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                first.complete(describe(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            first.complete("closed");
        }
    }
}
