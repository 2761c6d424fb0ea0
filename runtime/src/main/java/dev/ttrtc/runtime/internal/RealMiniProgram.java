package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.Clipboard;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.ScriptError;
import dev.ttrtc.runtime.WindowState;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.BuiltinApis;
import dev.ttrtc.runtime.internal.apis.device.NetworkStatus;
import dev.ttrtc.runtime.internal.apis.window.PageWindows;
import dev.ttrtc.runtime.internal.apis.window.PullDownRefresh;
import dev.ttrtc.runtime.internal.apis.window.WindowConfig;
import dev.ttrtc.runtime.internal.compile.ProjectSources;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewLayerProvider;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>Past 400 lines, on purpose for now: it is the one owner of the instance's cross-thread state
 * (the context, the loop, the closed/stopping flags, pending futures), and start-up, the
 * watchdog's response and close each touch all of it. The parts without that state already live
 * apart (StartUp, PageActions, NativeHooks, ViewConnector, StuckLoop); the next cut is the
 * start-up wiring ({@code setUp} and the steps) into a builder that hands back the wired parts.
 */
public final class RealMiniProgram implements MiniProgram {
    /**
     * Host rule: how long {@code launch} waits for start-up, in wall time. Only a safety net for a
     * loop that is stuck outside JS: runaway code is stopped by the task budget, step by step.
     */
    static final Duration START_UP_WAIT = Duration.ofMinutes(5);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(2);
    private static final Duration SJS_INTERRUPT_GRACE = Duration.ofMillis(500);
    private static final int LAUNCH_SCENE = 1001;

    private final String id;
    private final Project project;
    private final ProjectSources sources;
    private final SourceLocations locations = new SourceLocations();
    private final LaunchOptions options;
    private final List<TtApiModule> extensionModules;
    private final Clipboard clipboard;
    private final PageWindows windows;
    private final NetworkStatus network;
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
    private final PatchTrees patches;
    private final StuckLoop stuckLoop;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile Context context;
    // Loop only.
    private JsBridge js;
    // Loop only.
    private Framework framework;
    // Loop only.
    private RealInstanceContext instance;
    // Loop only.
    private ModuleLoader loader;
    // Loop only.
    private ComponentIndex components;
    private PageActions pageActions;
    private volatile ViewConnector view;
    private volatile StartUp startUp;
    private volatile String stopReason;

    private RealMiniProgram(String id, Project project, ProjectSources sources, LaunchOptions options,
            List<TtApiModule> extensionModules, Clipboard clipboard, Optional<ViewLayerProvider> viewProvider,
            WindowConfig windowConfig, Watchdog watchdog, int logCapacity, Consumer<RealMiniProgram> onClosed) {
        this.id = id;
        this.project = project;
        this.sources = sources;
        this.options = options;
        this.extensionModules = extensionModules;
        this.clipboard = clipboard;
        this.windows = new PageWindows(windowConfig);
        this.network = new NetworkStatus(options.networkType());
        this.viewProvider = viewProvider;
        this.watchdog = watchdog;
        this.onClosed = onClosed;
        this.log = new EventLog(logCapacity, Clock.systemUTC());
        this.errors = new ErrorReporter(log, locations, this::stop);
        this.loop = new EventLoop("tt-loop-" + id, this::onTaskFailure);
        this.patches = new PatchTrees(loop);
        this.stuckLoop = new StuckLoop(id, loop, errors, CLOSE_GRACE);
    }

    /** Creates the JS engine every instance shares, as the first launch would. */
    public static void warmUpEngine() {
        SharedEngine.warmUp();
    }

    /** What the built-in API modules declare, for the host's catalogue (the view layer's APIs included). */
    public static Map<String, List<ApiEntry>> builtinApiDeclarations() {
        Map<String, List<ApiEntry>> declarations = new LinkedHashMap<>(BuiltinApis.declarations());
        declarations.put("ViewApi", ViewApi.APIS);
        return declarations;
    }

    /**
     * Starts an instance and returns once its first page is shown (onReady follows on the next
     * turn). Start-up runs as one loop task per step (see {@link StartUp}), each under the task
     * budget; the wait here is only a safety net ({@link #START_UP_WAIT}).
     *
     * @param sources the project's files as the compile step prepared them
     */
    public static RealMiniProgram launch(String id, Project project, ProjectSources sources, LaunchOptions options,
            List<TtApiModule> extensionModules, Clipboard clipboard, Optional<ViewLayerProvider> viewProvider,
            Watchdog watchdog, int logCapacity, Consumer<RealMiniProgram> onClosed) throws LaunchException {
        WindowConfig windowConfig = WindowConfig.load(project);
        RealMiniProgram program = new RealMiniProgram(id, project, sources, options, extensionModules, clipboard,
                viewProvider, windowConfig, watchdog, logCapacity, onClosed);
        watchdog.watch(program.loop, program::interruptRunawayTask);
        options.eventListener().ifPresent(listener -> program.log.subscribe(event -> listener.accept(id, event)));
        try {
            program.startUp = new StartUp(program.loop, program.errors, program.startUpSteps());
        } catch (LaunchException e) {
            program.close();
            throw e;
        }
        try {
            program.startUp.start().get(START_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            HeapGuard.watch(program, () -> program.context, program::stop);
            return program;
        } catch (ExecutionException e) {
            program.close();
            if (e.getCause() instanceof LaunchException launch) {
                throw launch;
            }
            program.errors.internal(e.getCause());
            // The cause is the host's own fault, already in its log: no Java text in the user's line.
            throw new LaunchException("the instance failed to start because of an internal host error (see the host's log)");
        } catch (TimeoutException e) {
            program.close();
            throw new LaunchException("the instance did not start within " + START_UP_WAIT.toSeconds() + " s (stuck while "
                    + program.startUp.currentStep() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            program.close();
            throw new LaunchException("interrupted while launching");
        }
    }

    // ---- start-up (loop thread) -----------------------------------------------------------------

    /**
     * Set-up, the app's (or game's) file, each custom component's file (dependencies first), each
     * page file, then the view layer and the launch of the first page.
     */
    private List<StartUp.Step> startUpSteps() throws LaunchException {
        String route = project.launchRoute(options.page());
        components = project.kind() == Project.Kind.MINI_GAME ? null : ComponentIndex.build(project);
        view = new ViewConnector(id, project, components, options.systemInfo(), log, loop, this::attachment,
                call -> settleOnLoop(call, false), patches);
        List<StartUp.Step> steps = new ArrayList<>();
        steps.add(StartUp.Step.of("setting up the instance", this::setUp));
        if (project.kind() == Project.Kind.MINI_GAME) {
            String game = project.requireScript("game");
            steps.add(StartUp.Step.loading(game, () -> {
                pageState.set(new PageState(route, options.query(), List.of(route), PageState.EMPTY.data()));
                loader.load(game);
            }));
            return steps;
        }
        String app = project.requireScript("app");
        steps.add(StartUp.Step.loading(app, () -> {
            loader.load(app);
            if (!framework.hasApp()) {
                throw new LaunchException(app + " did not call App()");
            }
        }));
        // A page that is also used as a component runs its file once, with both registrations open.
        Set<String> pages = Set.copyOf(project.pages());
        for (String component : components.loadOrder()) {
            String file = project.requireScript(component);
            boolean alsoPage = pages.contains(component);
            steps.add(StartUp.Step.loading(file, () -> {
                framework.beginComponent(component);
                if (alsoPage) {
                    framework.beginPage(component);
                }
                loader.load(file);
                boolean pageDefined = !alsoPage || framework.endPage(component);
                if (!framework.endComponent(component) || !pageDefined) {
                    throw new LaunchException(file + " did not call Component()" + (alsoPage
                            ? " (it is a page app.json lists and a component other files use: only Component() builds both)" : ""));
                }
            }));
        }
        for (String page : project.pages()) {
            if (components.loadOrder().contains(page)) {
                continue;
            }
            String file = project.requireScript(page);
            steps.add(StartUp.Step.loading(file, () -> {
                framework.beginPage(page);
                loader.load(file);
                if (!framework.endPage(page)) {
                    throw new LaunchException(file + " did not call Page()");
                }
            }));
        }
        steps.add(StartUp.Step.of("launching " + route, () -> {
            view.open(viewProvider);
            launchFirstPage(route);
        }));
        return steps;
    }

    private void setUp() throws LaunchException {
        context = SharedEngine.newContext(options.timeZone(), options.locale());
        NativeHooks nativeHooks = new NativeHooks(log, errors, loop, pageState, locations, windows, view, patches);
        ProxyObject hooks = nativeHooks.proxy();
        js = JsBridge.install(context, hooks);
        nativeHooks.attach(js);
        errors.attach(js);
        framework = Framework.install(js, hooks, loop);
        view.attach(framework);
        framework.setTabRoutes(windows.config().tabRoutes());
        errors.attachAppListeners(framework);
        windows.config().warnings().forEach(warning -> errors.problem("window", warning));
        ApiDispatcher dispatcher = new ApiDispatcher(js, loop, log, errors);
        instance = new RealInstanceContext(id, project, options, dispatcher);
        PullDownRefresh pullDownRefresh = new PullDownRefresh(windows, framework, log);
        pageActions = new PageActions(framework, windows, pullDownRefresh, log);
        List<TtApiModule> modules = new ArrayList<>(BuiltinApis.create(new BuiltinApis.Services(options, framework,
                framework, windows, pullDownRefresh, network, clipboard, Clock.systemUTC())));
        modules.add(new ViewApi(view));
        modules.addAll(extensionModules);
        Value tt = new TtAssembler(dispatcher).assemble(modules, instance, options.mocks());
        context.getBindings("js").putMember("tt", tt);

        loader = new ModuleLoader(project, js, sources, locations);
    }

    /** Opens the first page; one that does not exist goes to the app's onPageNotFound handlers. */
    private void launchFirstPage(String route) throws LaunchException {
        if (project.pages().contains(route)) {
            framework.launch(route, options.query(), LAUNCH_SCENE);
        } else if (framework.launchNotFound(route, options.query(), LAUNCH_SCENE)) {
            loop.execute(() -> {
                if (pageState.get().stack().isEmpty()) {
                    errors.problem("pageNotFound", "the launch page \"" + route
                            + "\" does not exist and onPageNotFound opened no other page");
                }
            });
        } else {
            throw new LaunchException("unknown page \"" + route + "\"; app.json lists " + String.join(", ", project.pages()));
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
        try {
            Thread closer = new Thread(this::close, "tt-stop-" + id);
            closer.setDaemon(true);
            stopReason = why;
            errors.stopped(why);
            closer.start();
        } catch (OutOfMemoryError e) {
            // Stopped for memory, the stop may find none: nothing closes the instance yet, so the next ask must not
            // find it already stopping.
            stopping.set(false);
            throw e;
        }
    }

    // ---- embedding API --------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public Path projectRoot() {
        return project.root();
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
    public <T> Optional<T> attachment(Class<T> type) {
        RealInstanceContext current = instance;
        return current == null ? Optional.empty() : current.attachment(type);
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
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        return postFor(result, () -> {
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
                result.completeExceptionally(e.isGuestException() ? errors.toScriptError(e)
                        : new IllegalStateException("instance " + id + " stopped the call: " + e.getMessage()));
            }
        });
    }

    private ScriptError toScriptError(Value thrown) {
        if (thrown.isException()) {
            try {
                thrown.throwException();
            } catch (PolyglotException pe) {
                return errors.toScriptError(pe);
            }
        }
        return new ScriptError("Uncaught " + js.toJsonText(thrown), "", List.of());
    }

    /**
     * Posts {@code task}, which completes {@code result}, and returns {@code result}: failed at once
     * when the instance is closed, failed by {@link #close()} when the task never gets to run.
     */
    private <T> CompletableFuture<T> postFor(CompletableFuture<T> result, Runnable task) {
        // Tracked before the check: close() marks the instance closed before it fails what is pending.
        pending.add(result);
        result.whenComplete((v, e) -> pending.remove(result));
        if (closed.get() || !loop.tryExecute(task)) {
            result.completeExceptionally(closedError());
        }
        return result;
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("instance " + id + " is closed");
    }

    @Override
    public WindowState window() {
        return windows.snapshot();
    }

    @Override
    public CompletableFuture<Boolean> pullDownRefresh() {
        return onLoop(() -> pageActions.pullDownRefresh());
    }

    @Override
    public CompletableFuture<Boolean> pageScroll(double scrollTop) {
        return onLoop(() -> pageActions.pageScroll(scrollTop));
    }

    @Override
    public CompletableFuture<Boolean> reachBottom() {
        return onLoop(() -> pageActions.reachBottom());
    }

    @Override
    public CompletableFuture<Void> tapTab(int index) {
        return onLoop(() -> {
            pageActions.tapTab(index);
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<JsonNode>> share() {
        return onLoop(() -> pageActions.share());
    }

    @Override
    public void setNetworkType(String networkType) {
        LaunchOptions.checkNetworkType(networkType);
        if (!closed.get()) {
            network.set(networkType);
        }
    }

    /** Runs {@code action} on the loop; what JS throws inside it is reported and fails the future. */
    private <T> CompletableFuture<T> onLoop(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        return postFor(result, () -> {
            try {
                result.complete(action.get());
            } catch (PolyglotException e) {
                errors.report(e);
                result.completeExceptionally(e.isGuestException() ? errors.toScriptError(e)
                        : new IllegalStateException("instance " + id + " stopped the call: " + e.getMessage()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    @Override
    public void hide() {
        post(() -> framework.hide());
    }

    @Override
    public void show() {
        post(() -> framework.show());
    }

    /** Posts an action that has no result; on a closed instance it does nothing (see {@link MiniProgram}). */
    private void post(Runnable task) {
        if (!closed.get()) {
            loop.execute(task);
        }
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
        StartUp starting = startUp;
        if (starting != null && !starting.done().isDone()) {
            String reason = stopReason;
            starting.cancel(reason == null ? "the instance was closed while " + starting.currentStep()
                    : "the instance was stopped while " + starting.currentStep() + ": " + reason);
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
            stuckLoop.cancel(context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stuckLoop.cancel(context);
        }
        loop.stop();
        try {
            if (!loop.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                stuckLoop.abandon();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.unwatch(loop);
        HeapGuard.unwatch(this);
        IllegalStateException closedError = closedError();
        List.copyOf(pending).forEach(f -> f.completeExceptionally(closedError));
        log.shrinkAfterClose();
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
}
