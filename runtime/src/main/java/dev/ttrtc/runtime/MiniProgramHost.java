package dev.ttrtc.runtime;

import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.Project;
import dev.ttrtc.runtime.internal.RealMiniProgram;
import dev.ttrtc.runtime.internal.Watchdog;
import dev.ttrtc.runtime.view.ViewLayerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door: launches mini-program instances that share one JS engine, one watchdog and the
 * {@code tt} API modules found on the class path.
 *
 * <pre>{@code
 * try (MiniProgramHost host = MiniProgramHost.create()) {
 *     MiniProgram app = host.launch(LaunchOptions.builder(Path.of("sample-miniapp")).build());
 *     System.out.println(app.pageData());
 * }
 * }</pre>
 */
public final class MiniProgramHost implements AutoCloseable {
    private final HostOptions options;
    private final Watchdog watchdog;
    private final List<TtApiModule> modules;
    private final Optional<ViewLayerProvider> viewProvider;
    private final Set<RealMiniProgram> instances = ConcurrentHashMap.newKeySet();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean closed;

    private MiniProgramHost(HostOptions options) {
        this.options = options;
        this.watchdog = new Watchdog(options.taskBudget(), options.taskAllocationBudget());
        List<TtApiModule> found = new ArrayList<>();
        ServiceLoader.load(TtApiModule.class).forEach(found::add);
        this.modules = List.copyOf(found);
        this.viewProvider = ServiceLoader.load(ViewLayerProvider.class).findFirst();
    }

    public static MiniProgramHost create() {
        return create(HostOptions.defaults());
    }

    public static MiniProgramHost create(HostOptions options) {
        return new MiniProgramHost(options);
    }

    public HostOptions options() {
        return options;
    }

    /**
     * Loads the project, runs app.js and the pages, and opens the first page.
     *
     * @throws LaunchException when the project folder is broken; the message is one line for the user
     */
    public MiniProgram launch(LaunchOptions launch) throws LaunchException {
        if (closed) {
            throw new IllegalStateException("host is closed");
        }
        Project project = Project.load(launch.projectDir());
        String id = uniqueId(launch.name().orElse("mp"));
        try {
            RealMiniProgram program = RealMiniProgram.launch(id, project, launch, modules, viewProvider, watchdog,
                    options.eventLogCapacity(), this::forget);
            instances.add(program);
            return program;
        } catch (LaunchException | RuntimeException e) {
            ids.remove(id);
            throw e;
        }
    }

    private String uniqueId(String base) {
        while (true) {
            String candidate = base + "-" + counter.incrementAndGet();
            if (ids.add(candidate)) {
                return candidate;
            }
        }
    }

    private void forget(RealMiniProgram program) {
        instances.remove(program);
        ids.remove(program.id());
    }

    /** The instances launched and not yet closed. */
    public List<MiniProgram> instances() {
        return List.copyOf(instances);
    }

    /** Closes every instance, then stops the watchdog. */
    @Override
    public void close() {
        closed = true;
        for (RealMiniProgram program : List.copyOf(instances)) {
            program.close();
        }
        watchdog.close();
    }
}
