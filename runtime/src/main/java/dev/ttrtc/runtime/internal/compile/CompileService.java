package dev.ttrtc.runtime.internal.compile;

import dev.ttrtc.runtime.internal.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compile step of one host, as the devtools do it before code runs: finds the files of a
 * project that need compiling (ES modules; TypeScript where the project enables it), takes what
 * the cache has and compiles the rest in one esbuild run. Projects without such files never start
 * the compiler. Thread-safe: launches of one host may prepare projects at the same time.
 */
public final class CompileService {
    /** Changes whenever the cached output's form changes, so old entries are never read. */
    private static final String CACHE_FORMAT = "1";

    private final CompileCache cache;
    private final Path toolRoot;
    private final Optional<Path> esbuildOverride;
    private final AtomicInteger compiled = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    // Guarded by this; located on the first compile.
    private Esbuild esbuild;

    /**
     * @param cacheDir where compiled files are kept
     * @param esbuildOverride an esbuild executable to use instead of the shipped one
     */
    public CompileService(Path cacheDir, Optional<Path> esbuildOverride) {
        this.cache = new CompileCache(cacheDir);
        // The executable is per user, whatever folder the compiled files go to.
        this.toolRoot = CompileCache.userCacheRoot();
        this.esbuildOverride = esbuildOverride;
    }

    /** Files compiled (the compiler ran on them) since the host started. */
    public int compiledFiles() {
        return compiled.get();
    }

    /** Files taken from the cache since the host started. */
    public int cachedFiles() {
        return cached.get();
    }

    /**
     * Compiles what the project needs before it starts. Files the compiler refuses are kept as
     * errors: they fail when (if ever) they are loaded, as the platform would.
     *
     * @param root the folder holding app.js; paths are relative to it
     * @param typeScript whether {@code .ts} files are part of the project
     * @param tsconfig the project's tsconfig.json, when it has one
     */
    public ProjectSources prepare(Path root, boolean typeScript, Optional<Path> tsconfig) throws CompileException {
        Settings settings = new Settings(root, tsconfig, readTsconfig(tsconfig));
        Map<String, ProjectSources.Entry> entries = new LinkedHashMap<>();
        Map<String, String> toCompile = new LinkedHashMap<>();
        for (Path file : candidates(root, typeScript)) {
            String name = relative(root, file);
            Optional<String> read = read(file);
            if (read.isEmpty()) {
                continue;
            }
            String text = read.get();
            if (!needsCompile(name, text)) {
                continue;
            }
            Optional<CompiledScript> hit = cache.get(key(settings, name, text), ModuleSyntax.usesModules(text));
            if (hit.isPresent()) {
                cached.incrementAndGet();
                entries.put(name, ProjectSources.Entry.compiled(text, hit.get()));
            } else {
                toCompile.put(name, text);
            }
        }
        entries.putAll(compile(settings, toCompile));
        return new ProjectSources(this, settings, entries);
    }

    /** Whether a file cannot run as it is: TypeScript, or JavaScript with module syntax. */
    static boolean needsCompile(String name, String text) {
        return name.endsWith(".ts") || ModuleSyntax.usesModules(text);
    }

    /** Compiles files now (misses of the batch, or a file the engine rejected); results go to the cache. */
    Map<String, ProjectSources.Entry> compile(Settings settings, Map<String, String> sources) throws CompileException {
        Map<String, ProjectSources.Entry> entries = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return entries;
        }
        List<Path> files = sources.keySet().stream().map(name -> settings.root().resolve(name)).toList();
        Esbuild.Batch batch = esbuild().compile(settings.root(), files, settings.tsconfig());
        batch.outputs().forEach((file, output) -> {
            String name = relative(settings.root(), file);
            String text = sources.get(name);
            CompiledScript script = new CompiledScript(output.code(), new SourceMap(output.mapJson()), ModuleSyntax.usesModules(text));
            cache.put(key(settings, name, text), script);
            compiled.incrementAndGet();
            entries.put(name, ProjectSources.Entry.compiled(text, script));
        });
        for (CompileError error : batch.errors()) {
            // The first error of a file is the one to show (later ones often follow from it).
            entries.putIfAbsent(error.file(), ProjectSources.Entry.refused(sources.get(error.file()), error));
        }
        return entries;
    }

    private synchronized Esbuild esbuild() throws CompileException {
        if (esbuild == null) {
            esbuild = Esbuild.locate(toolRoot, esbuildOverride);
        }
        return esbuild;
    }

    private String key(Settings settings, String name, String text) {
        try {
            return CompileCache.key(CACHE_FORMAT, Esbuild.identity(esbuildOverride), settings.tsconfigText(), name, text);
        } catch (CompileException e) {
            // Without a readable identity the entry must not match any other compiler's output.
            return CompileCache.key(CACHE_FORMAT, "unknown compiler", String.valueOf(System.nanoTime()), name, text);
        }
    }

    /** The project's .js files, and its .ts files when TypeScript is on; never node_modules or hidden folders. */
    private static List<Path> candidates(Path root, boolean typeScript) throws CompileException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.equals("node_modules") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    // A file past the size limit is never read here; the loader refuses it if it is required.
                    if (attrs.isRegularFile() && attrs.size() <= Project.MAX_SCRIPT_BYTES && (name.endsWith(".js")
                            || typeScript && name.endsWith(".ts") && !name.endsWith(".d.ts"))) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CompileException("cannot list the project's files: " + e.getMessage(), e);
        }
        return files;
    }

    private static Optional<String> readTsconfig(Optional<Path> tsconfig) throws CompileException {
        try {
            return tsconfig.isEmpty() ? Optional.empty() : Optional.of(Files.readString(tsconfig.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CompileException("cannot read " + tsconfig.get().getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The file's text; empty when it is not readable UTF-8 (the loader reports that if it is ever loaded). */
    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** What a project's compiled output depends on besides each file's own text. */
    record Settings(Path root, Optional<Path> tsconfig, Optional<String> tsconfigContent) {
        String tsconfigText() {
            return tsconfigContent.orElse("");
        }
    }
}
