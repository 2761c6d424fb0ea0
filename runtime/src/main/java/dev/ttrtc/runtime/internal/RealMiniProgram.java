package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.ScriptError;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.AuthorizeApi;
import dev.ttrtc.runtime.internal.apis.InteractionApi;
import dev.ttrtc.runtime.internal.apis.NavigationApi;
import dev.ttrtc.runtime.internal.apis.StorageApi;
import dev.ttrtc.runtime.internal.apis.SystemInfoApi;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewLayerProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * One mini-program instance: its event loop thread, its sandboxed context, the framework and
 * the {@code tt} APIs, and the snapshots the embedder reads. Fields marked "loop only" are touched
 * only on the loop thread; the rest are thread-safe.
 */
public final class RealMiniProgram implements MiniProgram {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    private static final Duration SJS_INTERRUPT_GRACE = Duration.ofMillis(500);
    private static final int LAUNCH_SCENE = 1001;

    private final String id;
    private final Project project;
    private final LaunchOptions options;
    private final List<TtApiModule> extensionModules;
    private final Optional<ViewLayerProvider> viewProvider;
    private final Watchdog watchdog;
    private final Consumer<RealMiniProgram> onClosed;
    private final EventLog log;
    private final ErrorReporter errors;
    private final EventLoop loop;
    private final AtomicReference<PageState> pageState = new AtomicReference<>(PageState.EMPTY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Overruns overruns = new Overruns();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile Context context;
    // Loop only.
    private JsBridge js;
    // Loop only.
    private Framework framework;
    // Loop only.
    private RealInstanceContext instance;
    private volatile ViewConnector view;

    private RealMiniProgram(String id, Project project, LaunchOptions options, List<TtApiModule> extensionModules,
            Optional<ViewLayerProvider> viewProvider, Watchdog watchdog, int logCapacity, Consumer<RealMiniProgram> onClosed) {
        this.id = id;
        this.project = project;
        this.options = options;
        this.extensionModules = extensionModules;
        this.viewProvider = viewProvider;
        this.watchdog = watchdog;
        this.onClosed = onClosed;
        this.log = new EventLog(logCapacity, Clock.systemUTC());
        this.errors = new ErrorReporter(log, this::stop);
        this.loop = new EventLoop("tt-loop-" + id, this::onTaskFailure);
    }

    /** Starts an instance and returns once its first page is shown (onReady follows on the next turn). */
    public static RealMiniProgram launch(String id, Project project, LaunchOptions options,
            List<TtApiModule> extensionModules, Optional<ViewLayerProvider> viewProvider, Watchdog watchdog,
            int logCapacity, Consumer<RealMiniProgram> onClosed) throws LaunchException {
        RealMiniProgram program = new RealMiniProgram(id, project, options, extensionModules, viewProvider, watchdog,
                logCapacity, onClosed);
        watchdog.watch(program.loop, program::interruptRunawayTask);
        CompletableFuture<Void> started = new CompletableFuture<>();
        program.loop.execute(() -> {
            try {
                program.boot();
                started.complete(null);
            } catch (Throwable t) {
                started.completeExceptionally(t);
            }
        });
        try {
            started.get(watchdog.budget().toMillis() * 4 + 30_000, TimeUnit.MILLISECONDS);
            HeapGuard.watch(program, program.loop::allocatedTotal, program::stop);
            return program;
        } catch (ExecutionException e) {
            program.close();
            if (e.getCause() instanceof LaunchException launch) {
                throw launch;
            }
            if (e.getCause() instanceof PolyglotException pe && pe.isInterrupted()) {
                throw new LaunchException("the instance " + program.errors.overrun() + " while starting and was interrupted");
            }
            program.errors.internal(e.getCause());
            throw new LaunchException("the instance failed to start: " + e.getCause());
        } catch (TimeoutException e) {
            program.close();
            throw new LaunchException("the instance did not start within " + (watchdog.budget().toMillis() * 4 + 30_000) + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            program.close();
            throw new LaunchException("interrupted while launching");
        }
    }

    // ---- start-up (loop thread) -----------------------------------------------------------------

    private void boot() throws LaunchException {
        String route = firstRoute();
        ComponentIndex components = project.kind() == Project.Kind.MINI_GAME ? null : ComponentIndex.build(project);
        view = new ViewConnector(id, project, components, options.systemInfo(), log, loop);
        context = SharedEngine.newContext();
        ProxyObject hooks = new NativeHooks(log, errors, loop, pageState, view).proxy();
        js = JsBridge.install(context, hooks);
        errors.attach(js);
        framework = Framework.install(js, hooks);
        view.attach(framework);
        ApiDispatcher dispatcher = new ApiDispatcher(js, loop, log, errors);
        instance = new RealInstanceContext(id, project, options, dispatcher);
        List<TtApiModule> modules = new ArrayList<>(List.of(
                new SystemInfoApi(),
                new InteractionApi(options.modalConfirms()),
                new StorageApi(),
                new AuthorizeApi(),
                new NavigationApi(framework::navigate),
                new ViewApi(view)));
        modules.addAll(extensionModules);
        Value tt = new TtAssembler(dispatcher).assemble(modules, instance, options.mocks());
        context.getBindings("js").putMember("tt", tt);

        ModuleLoader loader = new ModuleLoader(project, js);
        if (project.kind() == Project.Kind.MINI_GAME) {
            pageState.set(new PageState(route, options.query(), List.of(route), PageData.EMPTY));
            run(loader, "game.js");
            return;
        }
        run(loader, "app.js");
        if (!framework.hasApp()) {
            throw new LaunchException("app.js did not call App()");
        }
        for (String component : components.loadOrder()) {
            framework.beginComponent(component);
            run(loader, ComponentIndex.scriptFile(project, component).orElseThrow());
            if (!framework.endComponent(component)) {
                throw new LaunchException(component + ".js did not call Component()");
            }
        }
        for (String page : project.pages()) {
            framework.beginPage(page);
            run(loader, page + ".js");
            if (!framework.endPage(page)) {
                throw new LaunchException(page + ".js did not call Page()");
            }
        }
        view.open(viewProvider);
        framework.launch(route, options.query(), LAUNCH_SCENE);
    }

    private String firstRoute() throws LaunchException {
        if (project.kind() == Project.Kind.MINI_GAME) {
            return project.entryPage();
        }
        String route = options.page().map(p -> p.startsWith("/") ? p.substring(1) : p).orElse(project.entryPage());
        if (!project.pages().contains(route)) {
            throw new LaunchException("unknown page \"" + route + "\"; app.json lists " + String.join(", ", project.pages()));
        }
        return route;
    }

    /** Runs one project file; any error in it stops the launch with file:line:column. */
    private void run(ModuleLoader loader, String file) throws LaunchException {
        try {
            loader.load(file);
        } catch (PolyglotException e) {
            JsError error = JsError.of(e);
            String where = error.location().isEmpty() ? file : error.location();
            String what = e.isInterrupted()
                    ? errors.overrun() + " while loading and was interrupted"
                    : error.message();
            throw new LaunchException(where + ": " + what);
        }
    }

    // ---- loop failures and the watchdog -------------------------------------------------------

    private void onTaskFailure(Throwable t) {
        if (closed.get() && !(t instanceof PolyglotException)) {
            return; // a task that raced with close found the context gone
        }
        errors.report(t);
    }

    /**
     * Called by the watchdog thread when a task overruns a budget; {@code what} says which. The
     * interrupt is delivered from a thread of its own so that the watchdog keeps watching the
     * other instances meanwhile. Code that keeps running away (a task that cannot be interrupted,
     * a promise loop that restarts after every task) gets the instance stopped.
     */
    private void interruptRunawayTask(String what) {
        Context c = context;
        if (c == null) {
            return;
        }
        errors.overrun(what);
        if (overruns.strike()) {
            stop("its tasks overran their budget " + Overruns.STRIKES + " times within " + Overruns.WINDOW.toSeconds()
                    + " s (the last one " + what + ")");
            return;
        }
        ViewConnector v = view;
        Thread interrupter = new Thread(() -> {
            try {
                if (v != null) {
                    v.interruptSjs(SJS_INTERRUPT_GRACE); // SJS runs above the logic layer on the loop's stack
                }
                c.interrupt(INTERRUPT_GRACE);
            } catch (TimeoutException e) {
                stop("a task " + what + " and could not be interrupted within " + INTERRUPT_GRACE.toSeconds() + " s");
            } catch (IllegalStateException closed) {
                // The instance closed meanwhile.
            }
        }, "tt-interrupt-" + id);
        interrupter.setDaemon(true);
        interrupter.start();
    }

    /**
     * Stops the instance for a reason the host found (the heap guard, an error storm): reports it,
     * then closes on a thread of its own, since the caller may be the instance's loop.
     */
    private void stop(String why) {
        if (closed.get() || !stopping.compareAndSet(false, true)) {
            return;
        }
        errors.stopped(why);
        Thread closer = new Thread(this::close, "tt-stop-" + id);
        closer.setDaemon(true);
        closer.start();
    }

    // ---- embedding API --------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public String route() {
        return pageState.get().route();
    }

    @Override
    public Map<String, String> query() {
        return pageState.get().query();
    }

    @Override
    public List<String> pageStack() {
        return pageState.get().stack();
    }

    @Override
    public JsonNode pageData() {
        return pageState.get().data().copy();
    }

    @Override
    public EventLog events() {
        return log;
    }

    @Override
    public InstanceView view() {
        ViewConnector connector = view;
        if (connector == null) {
            throw new IllegalStateException("instance " + id + " has not started");
        }
        return connector.consumerView();
    }

    @Override
    public CompletableFuture<JsonNode> callPageMethod(String method, PageEvent event) {
        return settleOnLoop(() -> framework.callPageMethod(method, event), true);
    }

    @Override
    public CompletableFuture<JsonNode> evaluate(String source) {
        return settleOnLoop(() -> js.evalGlobal(source), false);
    }

    /** Runs {@code action} on the loop and completes with its (awaited) value as JSON. */
    private CompletableFuture<JsonNode> settleOnLoop(Supplier<Value> action, boolean reportErrors) {
        CompletableFuture<JsonNode> result = track(new CompletableFuture<>());
        post(() -> {
            try {
                js.settle(action.get(),
                        json -> result.complete(JsBridge.parse(json)),
                        thrown -> {
                            if (reportErrors) {
                                errors.reportThrown(thrown);
                            }
                            result.completeExceptionally(toScriptError(thrown));
                        });
            } catch (PolyglotException e) {
                if (reportErrors) {
                    errors.report(e);
                }
                result.completeExceptionally(e.isGuestException() ? ErrorReporter.toScriptError(e)
                        : new IllegalStateException("instance " + id + " stopped the call: " + e.getMessage()));
            }
        });
        return result;
    }

    private ScriptError toScriptError(Value thrown) {
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                return ErrorReporter.toScriptError(pe);
            }
        }
        return new ScriptError("Uncaught " + js.toJsonText(thrown), "", List.of());
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((v, e) -> pending.remove(future));
        return future;
    }

    @Override
    public void hide() {
        post(() -> framework.hide());
    }

    @Override
    public void show() {
        post(() -> framework.show());
    }

    private void post(Runnable task) {
        if (closed.get()) {
            throw new IllegalStateException("instance " + id + " is closed");
        }
        loop.execute(task);
    }

    // ---- close ----------------------------------------------------------------------------------

    @Override
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (loop.inLoop()) {
            throw new IllegalStateException("an instance cannot close itself from its own loop");
        }
        CompletableFuture<Void> shutdown = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                shutdownOnLoop();
            } finally {
                shutdown.complete(null);
            }
        });
        try {
            shutdown.get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            forceClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forceClose();
        }
        loop.stop();
        try {
            if (!loop.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                errors.internal(new IllegalStateException("loop thread " + loop.name() + " did not end"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.unwatch(loop);
        HeapGuard.unwatch(this);
        IllegalStateException closedError = new IllegalStateException("instance " + id + " was closed");
        List.copyOf(pending).forEach(f -> f.completeExceptionally(closedError));
        onClosed.accept(this);
    }

    /** Unloads pages, lets modules release what they hold, then drops the context. */
    private void shutdownOnLoop() {
        try {
            if (framework != null) {
                framework.unloadAll();
            }
        } catch (PolyglotException e) {
            errors.report(e);
        }
        if (instance != null) {
            instance.runCloseHooks();
        }
        if (view != null) {
            view.close();
        }
        loop.stop();
        Context c = context;
        if (c != null) {
            c.close(true);
        }
    }

    /** The loop is stuck in runaway code: cancel it from this thread. */
    private void forceClose() {
        Context c = context;
        if (c != null) {
            try {
                c.close(true);
            } catch (IllegalStateException | PolyglotException e) {
                errors.internal(e);
            }
        }
    }
}
