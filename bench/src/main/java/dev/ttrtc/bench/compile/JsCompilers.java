package dev.ttrtc.bench.compile;

import dev.ttrtc.runtime.internal.compile.CompileCache;
import dev.ttrtc.runtime.internal.compile.CompileException;
import dev.ttrtc.runtime.internal.compile.Esbuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JS compilers the benchmark compares, installed from the npm registry (exact versions) into
 * a folder under bench/target on first use; sucrase, which npm ships as many files, is bundled into
 * one script with the host's own esbuild. Needs {@code npm} on the PATH.
 */
final class JsCompilers {
    static final String TYPESCRIPT = "typescript@5.9.3";
    static final String SUCRASE = "sucrase@3.35.1";
    static final String BABEL = "@babel/standalone@7.29.13";

    private JsCompilers() {
    }

    /** Installs the packages and the sucrase bundle under {@code dir} unless they are there. */
    static void install(Path dir) throws IOException, InterruptedException, CompileException {
        if (!Files.isRegularFile(typeScript(dir)) || !Files.isRegularFile(babel(dir))
                || !Files.isRegularFile(dir.resolve("node_modules/sucrase/dist/index.js"))) {
            Files.createDirectories(dir);
            run(dir, List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--ignore-scripts", "--prefix",
                    dir.toString(), TYPESCRIPT, SUCRASE, BABEL));
        }
        if (!Files.isRegularFile(sucraseBundle(dir))) {
            Esbuild esbuild = Esbuild.locate(CompileCache.defaultDirectory().getParent(), Optional.empty());
            run(dir, List.of(esbuild.executable().toString(), "node_modules/sucrase/dist/index.js", "--bundle",
                    "--format=iife", "--global-name=sucrase", "--platform=neutral", "--main-fields=main",
                    "--log-level=error", "--outfile=" + sucraseBundle(dir)));
        }
    }

    static Path typeScript(Path dir) {
        return dir.resolve("node_modules/typescript/lib/typescript.js");
    }

    static Path babel(Path dir) {
        return dir.resolve("node_modules/@babel/standalone/babel.min.js");
    }

    static Path sucraseBundle(Path dir) {
        return dir.resolve("sucrase.bundle.js");
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
