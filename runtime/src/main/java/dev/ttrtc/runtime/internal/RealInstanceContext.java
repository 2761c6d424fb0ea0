package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** What API modules see of one instance. */
final class RealInstanceContext implements InstanceContext {
    private final String id;
    private final Project project;
    private final LaunchOptions options;
    private final ApiDispatcher dispatcher;
    // Loop thread only.
    private final Deque<Runnable> closeHooks = new ArrayDeque<>();
    // Written on the loop thread; read from embedder threads through MiniProgram.attachment.
    private final Map<Class<?>, Object> attachments = new ConcurrentHashMap<>();

    RealInstanceContext(String id, Project project, LaunchOptions options, ApiDispatcher dispatcher) {
        this.id = id;
        this.project = project;
        this.options = options;
        this.dispatcher = dispatcher;
    }

    @Override
    public String instanceId() {
        return id;
    }

    @Override
    public Path projectDir() {
        return project.root();
    }

    @Override
    public Optional<String> appId() {
        return project.appId();
    }

    @Override
    public <T> Optional<T> extension(Class<T> type) {
        return options.extension(type);
    }

    @Override
    public <T> void attach(Class<T> type, T state) {
        attachments.put(type, type.cast(state));
    }

    <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    @Override
    public SystemInfo systemInfo() {
        return options.systemInfo();
    }

    @Override
    public boolean isGranted(String scope) {
        return !options.deniedScopes().contains(scope);
    }

    @Override
    public EventLog events() {
        return dispatcher.log();
    }

    @Override
    public Executor loop() {
        return dispatcher.loop();
    }

    @Override
    public boolean inLoop() {
        return dispatcher.loop().inLoop();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long timer = dispatcher.loop().setTimer(task, delay.toMillis(), false);
        return () -> dispatcher.loop().clearTimer(timer);
    }

    @Override
    public JsObjectBuilder newObject(String typeName) {
        dispatcher.loop().assertInLoop();
        return new RealJsObjectBuilder(dispatcher, typeName);
    }

    @Override
    public JsEventChannel newEventChannel(String eventName) {
        return new RealJsEventChannel(dispatcher, eventName);
    }

    @Override
    public void onClose(Runnable hook) {
        dispatcher.loop().assertInLoop();
        closeHooks.push(hook);
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        dispatcher.loop().assertInLoop();
        return type.cast(attachments.computeIfAbsent(type, key -> factory.get()));
    }

    @Override
    public void reportProblem(String name, String message) {
        dispatcher.errors().problem(name, message);
    }

    /** Runs the close hooks, newest first, each isolated from the others' failures. */
    void runCloseHooks() {
        while (!closeHooks.isEmpty()) {
            Runnable hook = closeHooks.pop();
            try {
                hook.run();
            } catch (RuntimeException e) {
                dispatcher.errors().internal(e);
            }
        }
    }
}
