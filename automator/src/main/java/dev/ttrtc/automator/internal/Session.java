package dev.ttrtc.automator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.MiniProgram;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: answers its requests one at a time, in arrival order, on the
 * connection's own thread ({@code automator-session-N}), so that a {@code setData} is done
 * before the {@code getData} sent after it; forwards the instance's console lines, uncaught
 * errors and binding calls as events.
 *
 * <p>Threading: {@link #receive} may be called from any thread (Undertow's IO thread); events are
 * sent from the instance's loop thread; {@code out} must accept frames from both.
 */
public final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Supplier<MiniProgram> target;
    private final Consumer<String> out;
    private final InstanceScript script;
    private final ExecutorService thread;
    private final Map<String, Handler> methods = new HashMap<>();
    private final EventForwarder events;

    /** One method of the protocol. Runs on the session thread. */
    interface Handler {
        JsonNode handle(Params params);
    }

    /**
     * @param target the instance behind the endpoint now (an embedder may relaunch it); null when none runs
     * @param out sends one text frame to the client
     */
    public Session(Supplier<MiniProgram> target, Consumer<String> out, AutomatorSettings settings) {
        this.target = target;
        this.out = out;
        this.script = new InstanceScript(settings.callTimeout());
        this.events = new EventForwarder(out);
        String name = "automator-session-" + COUNTER.incrementAndGet();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        AppMethods app = new AppMethods(this, script, events, settings.screenshots());
        app.register(methods);
        new ToolMethods().register(methods);
        ElementRegistry elements = new ElementRegistry(this, script);
        new PageMethods(this, script, elements).register(methods);
        new ElementMethods(script, elements).register(methods);
        new ComponentMethods(script, elements).register(methods);
    }

    /** Queues one frame from the client; its answer is sent once the frames before it are answered. */
    public void receive(String frame) {
        try {
            thread.execute(() -> out.accept(answer(frame)));
        } catch (RejectedExecutionException closed) {
            // The connection closed while the frame was in flight: nobody waits for the answer.
        }
    }

    /** The reply frame to one request frame (on the session thread; tests call it directly). */
    String answer(String frame) {
        Frames.Request request;
        try {
            request = Frames.parse(frame);
        } catch (Frames.Malformed malformed) {
            return Frames.error(malformed.id(), malformed.getMessage());
        }
        try {
            return Frames.result(request.id(), dispatch(request.method(), new Params(request.method(), request.params())));
        } catch (AutomatorException e) {
            return Frames.error(request.id(), e.getMessage());
        } catch (RuntimeException e) {
            // A fault of the host: logged for the maintainers, a plain sentence for the client.
            LOG.warn("automator method {} failed", request.method(), e);
            return Frames.error(request.id(), request.method() + " failed inside tt-rtc-host");
        }
    }

    private JsonNode dispatch(String method, Params params) {
        // Follow the instance from the first frame (Tool.getInfo) on: the client's
        // on('exception') asks for nothing, so exceptions flow without a request.
        MiniProgram current = target.get();
        if (current != null && !current.isClosed()) {
            events.follow(current);
        }
        Handler handler = methods.get(method);
        if (handler == null) {
            throw UnsupportedMethods.reason(method)
                    .map(reason -> AutomatorError.UNSUPPORTED.error(method, reason))
                    .orElseGet(() -> AutomatorError.UNKNOWN_METHOD.error(method));
        }
        return handler.handle(params);
    }

    /** The instance now; its events are forwarded from the first request on. */
    MiniProgram program() {
        MiniProgram program = target.get();
        if (program == null || program.isClosed()) {
            throw AutomatorError.NO_INSTANCE.error();
        }
        events.follow(program);
        return program;
    }

    /** Stops answering and forwarding; frames still queued are dropped. */
    @Override
    public void close() {
        thread.shutdownNow();
        events.close();
    }
}
