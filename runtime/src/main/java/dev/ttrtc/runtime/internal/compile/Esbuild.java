package dev.ttrtc.runtime.internal.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The compiler: esbuild's executable, run as a child process over a batch of files. It turns ES
 * modules into CommonJS, strips TypeScript, lowers the syntax GraalJS 25 lacks ({@code using}
 * declarations, decorators; everything up to ES2024 passes unchanged) and writes a source map per
 * file. docs/compile.md says why esbuild and what was measured.
 *
 * <p>The executable comes from the {@code org.mvnpm.at.esbuild} jar for this platform (npm's
 * {@code @esbuild/<platform>} package, republished on Maven Central) and is copied once into the
 * user's cache folder, since a file inside a jar cannot be executed; or it is given by the
 * embedder ({@code HostOptions.withEsbuild}).
 */
public final class Esbuild {
    /** A build that takes longer than this is stuck: the compiler is killed and the launch fails. */
    static final long TIMEOUT_SECONDS = 120;
    /** What GraalJS 25 runs as it is; esbuild lowers anything newer. */
    static final String TARGET = "es2024";

    private static final Pattern ERROR_LINE = Pattern.compile("^✘ \\[ERROR\\] (.*)$");
    private static final Pattern WHERE_LINE = Pattern.compile("^\\s+(.+):(\\d+):(\\d+):$");

    private final Path executable;

    private Esbuild(Path executable) {
        this.executable = executable;
    }

    /** What one batch produced: compiled files by their input path, and the files it refused. */
    public record Batch(Map<Path, Output> outputs, List<CompileError> errors) {
    }

    /** One compiled file: CommonJS code and its source map as esbuild wrote them. */
    public record Output(String code, String mapJson) {
    }

    /**
     * The esbuild to use: {@code override} when given, else the one shipped for this platform,
     * copied under {@code cacheRoot} on first use.
     */
    public static Esbuild locate(Path cacheRoot, Optional<Path> override) throws CompileException {
        if (override.isPresent()) {
            Path given = override.get();
            if (!Files.isExecutable(given)) {
                throw new CompileException("the esbuild given to the host (" + given + ") is not an executable file");
            }
            return new Esbuild(given);
        }
        String platform = platform();
        String version = shippedVersion(platform).orElseThrow(() -> new CompileException(
                "this project needs compiling (ES modules or TypeScript), and tt-rtc-host ships its compiler (esbuild) "
                        + "for linux-x64 only, not " + platform + "; install esbuild and pass it with HostOptions.withEsbuild"));
        Path target = cacheRoot.resolve("esbuild").resolve(version + "-" + platform).resolve("esbuild");
        if (!Files.isExecutable(target)) {
            extract("META-INF/resources/_static/" + platform + "/" + version + "/bin/esbuild", target);
        }
        return new Esbuild(target);
    }

    /** The executable this runs (for tools that run esbuild themselves, such as the benchmarks). */
    public Path executable() {
        return executable;
    }

    /** The npm platform name of this JVM's OS and CPU ({@code linux-x64}, {@code darwin-arm64}, …). */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os.contains("win") ? "win32" : os;
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "arm64" : arch;
        return osName + "-" + archName;
    }

    private static Optional<String> shippedVersion(String platform) throws CompileException {
        String resource = "META-INF/maven/org.mvnpm.at.esbuild/" + platform + "/pom.properties";
        try (InputStream in = Esbuild.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            throw new CompileException("cannot read the shipped compiler's version: " + e.getMessage(), e);
        }
    }

    /** Copies the executable out of the jar; concurrent processes each move a whole copy into place. */
    private static void extract(String resource, Path target) throws CompileException {
        try (InputStream in = Esbuild.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CompileException("the compiler's executable is missing from the class path (" + resource + ")");
            }
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("esbuild.tmp-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                Files.copy(in, temp);
                if (!temp.toFile().setExecutable(true, false)) {
                    throw new IOException("cannot mark " + temp + " executable");
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CompileException("cannot install the compiler under " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Identifies the compiler and its settings in cache keys, without installing it (a launch
     * whose files are all cached never needs the executable).
     */
    public static String identity(Optional<Path> override) throws CompileException {
        String which = override.isPresent() ? "custom:" + override.get().toAbsolutePath()
                : shippedVersion(platform()).orElse("none-for-" + platform());
        return "esbuild " + which + " cjs " + TARGET;
    }

    /**
     * Compiles {@code files} (inside {@code workDir}, whose relative paths name them in errors).
     * A file with a syntax error is left out and reported; the others still compile.
     *
     * @param tsconfig the project's tsconfig.json, or empty to read none (esbuild would otherwise
     *     look for one above the project folder)
     * @throws CompileException when the compiler cannot run, is stuck, or fails for a reason that
     *     is not one of the files (an unreadable tsconfig.json, say)
     */
    public Batch compile(Path workDir, List<Path> files, Optional<Path> tsconfig) throws CompileException {
        Map<Path, Output> outputs = new LinkedHashMap<>();
        List<CompileError> errors = new ArrayList<>();
        List<Path> remaining = new ArrayList<>(files);
        // A build with an error writes nothing: run again without the refused files.
        while (!remaining.isEmpty()) {
            List<CompileError> refused = run(workDir, remaining, tsconfig, outputs);
            if (refused.isEmpty()) {
                break;
            }
            errors.addAll(refused);
            List<Path> refusedFiles = refused.stream().map(e -> workDir.resolve(e.file()).normalize()).toList();
            remaining.removeIf(refusedFiles::contains);
        }
        return new Batch(outputs, List.copyOf(errors));
    }

    /** One esbuild process over {@code files}; fills {@code outputs} on success, else returns the errors. */
    private List<CompileError> run(Path workDir, List<Path> files, Optional<Path> tsconfig, Map<Path, Output> outputs)
            throws CompileException {
        Path outDir = null;
        try {
            outDir = Files.createTempDirectory("tt-compile-");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--format=cjs", "--target=" + TARGET,
                    "--sourcemap=external", "--sources-content=false", "--outdir=" + outDir, "--log-level=error",
                    "--color=false", "--log-limit=0"));
            command.add(tsconfig.map(p -> "--tsconfig=" + p).orElse("--tsconfig-raw={}"));
            for (int i = 0; i < files.size(); i++) {
                // out=in names each output by its index: no clash between a.ts and a.js of one folder.
                command.add("f" + i + "=" + files.get(i));
            }
            Path stderr = outDir.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CompileException("the compiler (esbuild) did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String log = Files.readString(stderr, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return refusals(log, workDir, files);
            }
            for (int i = 0; i < files.size(); i++) {
                outputs.put(files.get(i), new Output(
                        Files.readString(outDir.resolve("f" + i + ".js"), StandardCharsets.UTF_8),
                        Files.readString(outDir.resolve("f" + i + ".js.map"), StandardCharsets.UTF_8)));
            }
            return List.of();
        } catch (IOException e) {
            throw new CompileException("the compiler (esbuild) could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileException("interrupted while compiling", e);
        } finally {
            delete(outDir);
        }
    }

    /**
     * The files esbuild refused, from its log ({@code ✘ [ERROR] message}, a blank line, then
     * {@code     file:line:column:} with a 0-based column).
     */
    private static List<CompileError> refusals(String log, Path workDir, List<Path> files) throws CompileException {
        List<CompileError> errors = new ArrayList<>();
        List<String> lines = log.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher error = ERROR_LINE.matcher(lines.get(i));
            if (!error.matches()) {
                continue;
            }
            Matcher where = i + 2 < lines.size() ? WHERE_LINE.matcher(lines.get(i + 2)) : null;
            if (where == null || !where.matches()) {
                throw new CompileException("the compiler (esbuild) failed: " + error.group(1));
            }
            String file = where.group(1);
            if (!files.contains(workDir.resolve(file).normalize())) {
                // Not one of the files: tsconfig.json, typically.
                throw new CompileException(file + ":" + where.group(2) + ":" + (Integer.parseInt(where.group(3)) + 1)
                        + ": " + error.group(1));
            }
            errors.add(new CompileError(file.replace('\\', '/'), Integer.parseInt(where.group(2)),
                    Integer.parseInt(where.group(3)) + 1, error.group(1)));
        }
        if (errors.isEmpty()) {
            throw new CompileException("the compiler (esbuild) failed: " + log.lines().findFirst().orElse("no message"));
        }
        return errors;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
