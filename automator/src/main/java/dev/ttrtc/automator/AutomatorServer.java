package dev.ttrtc.automator;

import dev.ttrtc.automator.internal.AutomatorEndpoint;
import dev.ttrtc.automator.internal.AutomatorSettings;
import dev.ttrtc.runtime.MiniProgram;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A WebSocket endpoint on 127.0.0.1 that speaks the protocol of npm's
 * {@code miniprogram-automator} (0.12.1), so that scripts written for the devtools' automator
 * drive tt-rtc-host instances: {@code automator.connect({wsEndpoint: server.uri().toString()})}.
 *
 * <pre>{@code
 * try (MiniProgramHost host = MiniProgramHost.create()) {
 *     MiniProgram app = host.launch(LaunchOptions.builder(Path.of("sample-miniapp")).build());
 *     try (AutomatorServer server = AutomatorServer.start(9420, app)) {
 *         System.out.println("automator " + server.uri());   // ws://127.0.0.1:9420
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>With several instances, {@code ws://127.0.0.1:PORT/} and {@code /1} reach the first,
 * {@code /N} the N-th ({@link #uri(int)}). Closing the server closes its connections, not the
 * instances.
 */
public final class AutomatorServer implements AutoCloseable {
    private final Undertow undertow;
    private final int port;
    private final int instances;

    private AutomatorServer(Undertow undertow, int port, int instances) {
        this.undertow = undertow;
        this.port = port;
        this.instances = instances;
    }

    /** Serves these instances on {@code port} (0 = any free port). */
    public static AutomatorServer start(int port, MiniProgram... instances) {
        return start(port, Arrays.stream(instances).<Supplier<MiniProgram>>map(p -> () -> p).toList());
    }

    /**
     * Serves instances that an embedder may replace while it runs (a relaunch): each supplier
     * names the instance behind its path now, or null while none runs.
     */
    public static AutomatorServer start(int port, List<Supplier<MiniProgram>> instances) {
        return start(port, instances, AutomatorSettings.defaults());
    }

    /** As {@link #start(int, List)} with explicit settings (request timeout, screenshot browser). */
    public static AutomatorServer start(int port, List<Supplier<MiniProgram>> instances, AutomatorSettings settings) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("the automator endpoint needs at least one instance");
        }
        Undertow undertow = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setHandler(new AutomatorEndpoint(instances, settings))
                .build();
        undertow.start();
        int bound = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        return new AutomatorServer(undertow, bound, instances.size());
    }

    public int port() {
        return port;
    }

    /** {@code ws://127.0.0.1:PORT}: the first instance. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** The endpoint of the instance at {@code index} (0-based). */
    public URI uri(int index) {
        if (index < 0 || index >= instances) {
            throw new IndexOutOfBoundsException("no instance " + index);
        }
        return URI.create("ws://127.0.0.1:" + port + "/" + (index + 1));
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
