package dev.ttrtc.runtime;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.Project;
import dev.ttrtc.runtime.internal.RealMiniProgram;
import dev.ttrtc.runtime.internal.Watchdog;
import dev.ttrtc.runtime.internal.compile.CompileException;
import dev.ttrtc.runtime.internal.compile.CompileService;
import dev.ttrtc.runtime.internal.compile.ProjectSources;
import dev.ttrtc.runtime.view.ViewLayerProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door: launches mini-program instances that share one JS engine, one watchdog, one
 * compile step (with its cache) and the {@code tt} API modules found on the class path.
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
    private final CompileService compiler;
    private final List<TtApiModule> modules;
    private final ApiCatalogue catalogue;
    private final Clipboard clipboard = new Clipboard();
    private final Optional<ViewLayerProvider> viewProvider;
    private final Set<RealMiniProgram> instances = ConcurrentHashMap.newKeySet();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile boolean closed;

    private MiniProgramHost(HostOptions options) {
        this.options = options;
        this.watchdog = new Watchdog(options.taskBudget(), options.taskAllocationBudget());
        this.compiler = new CompileService(options.compileCache(), options.esbuild());
        List<TtApiModule> found = new ArrayList<>();
        ServiceLoader.load(TtApiModule.class).forEach(found::add);
        this.modules = List.copyOf(found);
        Map<String, List<ApiEntry>> declarations = new LinkedHashMap<>(RealMiniProgram.builtinApiDeclarations());
        modules.forEach(m -> declarations.put(m.getClass().getSimpleName(), m.apis()));
        this.catalogue = ApiCatalogue.of(declarations);
        this.viewProvider = ServiceLoader.load(ViewLayerProvider.class).findFirst();
    }

    public static MiniProgramHost create() {
        return create(HostOptions.defaults());
    }

    public static MiniProgramHost create(HostOptions options) {
        return new MiniProgramHost(options);
    }

    /**
     * Creates the JVM's shared JS engine now (about a second on a cold JVM) rather than inside
     * the first {@link #launch}; later calls do nothing.
     */
    public static void warmUp() {
        RealMiniProgram.warmUpEngine();
    }

    public HostOptions options() {
        return options;
    }

    /** Every API on {@code tt} of this host's instances: the built-in modules, those found on the class path, the rest of the platform's. */
    public ApiCatalogue apiCatalogue() {
        return catalogue;
    }

    /** The simulated phone's clipboard, shared by every instance of this host. */
    public Clipboard clipboard() {
        return clipboard;
    }

    /**
     * Loads the project, compiles what needs compiling (ES modules, TypeScript; on this thread,
     * before the instance starts), runs app.js and the pages, and opens the first page.
     *
     * @throws LaunchException when the project folder is broken; the message is one line for the user
     */
    public MiniProgram launch(LaunchOptions launch) throws LaunchException {
        if (closed) {
            throw new IllegalStateException("host is closed");
        }
        Project project = Project.load(launch.projectDir());
        ProjectSources sources;
        try {
            sources = compiler.prepare(project.root(), project.typeScript(), project.tsconfig());
        } catch (CompileException e) {
            throw new LaunchException(e.getMessage());
        }
        String id = uniqueId(launch.name().orElse("mp"));
        try {
            RealMiniProgram program = RealMiniProgram.launch(id, project, sources, launch, modules, clipboard, viewProvider,
                    watchdog,
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

    /** What the compile step did so far: files compiled, and files taken from the cache. */
    public CompileStats compileStats() {
        return new CompileStats(compiler.compiledFiles(), compiler.cachedFiles());
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
