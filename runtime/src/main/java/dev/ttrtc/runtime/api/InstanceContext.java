package dev.ttrtc.runtime.api;

import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.SystemInfo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** What an API module may use of the instance it is installed in. */
public interface InstanceContext {

    /** The instance's label, unique within its host. */
    String instanceId();

    Path projectDir();

    /** The {@code appid} of the project's project.config.json, when it has one. */
    Optional<String> appId();

    /** A setting the embedder passed for modules, keyed by its type. */
    <T> Optional<T> extension(Class<T> type);

    /**
     * Leaves a module's state on this instance for embedders, keyed by its type: they read it
     * through {@code MiniProgram.attachment(type)} (the RTC module's engines, for example). A
     * later attach of the same type replaces it. The opposite way of {@link #extension}.
     */
    <T> void attach(Class<T> type, T state);

    SystemInfo systemInfo();

    /** Whether the simulated user grants a scope such as {@code scope.record} or {@code scope.camera}. */
    boolean isGranted(String scope);

    EventLog events();

    /** Runs tasks on the instance's loop thread, in order; tasks posted after close are dropped. */
    Executor loop();

    boolean inLoop();

    /**
     * Runs {@code task} on the loop thread after {@code delay} (a timer of the instance, cancelled
     * when it closes). Call {@code cancel} on the result to drop it before it runs.
     */
    Cancellable schedule(java.time.Duration delay, Runnable task);

    /** A scheduled task that can still be dropped. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    JsObjectBuilder newObject(String typeName);

    JsEventChannel newEventChannel(String eventName);

    /**
     * Runs {@code hook} on the loop thread when the instance closes, before its JS context is
     * closed; hooks run in reverse order of registration.
     */
    void onClose(Runnable hook);

    /**
     * State that several modules of this instance share (the instance's local files, used by the
     * file system and by downloads): the one object of {@code type}, made by {@code factory} on the
     * first call. Loop thread only.
     */
    <T> T shared(Class<T> type, Supplier<T> factory);

    /** Records an ERROR entry for a problem the module found (not thrown into JS). */
    void reportProblem(String name, String message);
}
