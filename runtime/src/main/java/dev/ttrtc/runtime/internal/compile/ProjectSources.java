package dev.ttrtc.runtime.internal.compile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the module loader runs for each file of one launched project: the compiled code where the
 * file needed compiling (prepared before start-up), the file as it is otherwise. A file that
 * changed since it was prepared, or that the engine rejected although it looked runnable, is
 * compiled when it is loaded.
 */
public final class ProjectSources {
    /** A prepared file: the text it was prepared from and the compiled code or the compiler's refusal. */
    record Entry(String text, CompiledScript script, CompileError error) {
        static Entry compiled(String text, CompiledScript script) {
            return new Entry(text, script, null);
        }

        static Entry refused(String text, CompileError error) {
            return new Entry(text, null, error);
        }
    }

    /** The compiler refused the file; {@link #error()} says where and why. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CompileError error;

        RefusedException(CompileError error) {
            super(error.location() + ": " + error.message(), null, false, false);
            this.error = error;
        }

        public CompileError error() {
            return error;
        }
    }

    private final CompileService service;
    private final CompileService.Settings settings;
    private final Map<String, Entry> entries;

    ProjectSources(CompileService service, CompileService.Settings settings, Map<String, Entry> entries) {
        this.service = service;
        this.settings = settings;
        this.entries = new ConcurrentHashMap<>(entries);
    }

    /**
     * The code to run for {@code name} (project-relative) whose current text is {@code text}:
     * compiled code, or empty when the file runs as it is.
     *
     * @throws RefusedException the file does not compile (a syntax error)
     * @throws CompileException the compiler could not run
     */
    public Optional<CompiledScript> compiled(String name, String text) throws RefusedException, CompileException {
        Entry entry = entries.get(name);
        if (entry == null || !entry.text().equals(text)) {
            if (!CompileService.needsCompile(name, text)) {
                return Optional.empty();
            }
            entry = compileNow(name, text);
        }
        return unwrap(entry);
    }

    /**
     * Compiles a file the engine rejected as it was: syntax the detector missed, or syntax newer
     * than the engine's ({@code using}, decorators).
     *
     * @throws RefusedException the compiler rejects it too
     */
    public CompiledScript compileRejected(String name, String text) throws RefusedException, CompileException {
        return unwrap(compileNow(name, text)).orElseThrow();
    }

    private Entry compileNow(String name, String text) throws CompileException {
        Entry entry = service.compile(settings, Map.of(name, text)).get(name);
        if (entry == null) {
            throw new CompileException("the compiler (esbuild) gave no output for " + name);
        }
        entries.put(name, entry);
        return entry;
    }

    private static Optional<CompiledScript> unwrap(Entry entry) throws RefusedException {
        if (entry.error() != null) {
            throw new RefusedException(entry.error());
        }
        return Optional.of(entry.script());
    }
}
