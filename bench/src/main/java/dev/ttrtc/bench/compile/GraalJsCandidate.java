package dev.ttrtc.bench.compile;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A compiler written in JS (sucrase, TypeScript's transpileModule, Babel standalone) running in a
 * GraalJS context of its own, as the host would run a bundled compiler: one script to evaluate,
 * then a function called per file.
 */
final class GraalJsCandidate implements Candidate {
    private final String preamble;
    private final List<Path> scripts;
    private final String compileFunction;
    private Engine engine;
    private Context context;
    private Value compile;

    private GraalJsCandidate(String preamble, List<Path> scripts, String compileFunction) {
        this.preamble = preamble;
        this.scripts = scripts;
        this.compileFunction = compileFunction;
    }

    static GraalJsCandidate sucrase(Path compilers) {
        return new GraalJsCandidate("", List.of(JsCompilers.sucraseBundle(compilers)),
                "(src, name, ts) => sucrase.transform(src, { transforms: ts ? ['typescript', 'imports'] : ['imports'],"
                        + " filePath: name, sourceMapOptions: { compiledFilename: name } }).code");
    }

    static GraalJsCandidate typeScript(Path compilers) {
        // TypeScript's file is CommonJS: it fills the module object it is given.
        return new GraalJsCandidate("var ts_module = { exports: {} }; var module = ts_module; var exports = ts_module.exports;",
                List.of(JsCompilers.typeScript(compilers)),
                "(src, name, ts) => ts_module.exports.transpileModule(src, { fileName: name, compilerOptions:"
                        + " { module: 1, target: 99, sourceMap: true, esModuleInterop: true, allowJs: true } }).outputText");
    }

    static GraalJsCandidate babel(Path compilers) {
        return new GraalJsCandidate("", List.of(JsCompilers.babel(compilers)),
                "(src, name, ts) => Babel.transform(src, { filename: name, presets: ts ? ['typescript'] : [],"
                        + " plugins: ['transform-modules-commonjs'], sourceMaps: true }).code");
    }

    @Override
    public void load() throws IOException {
        engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
        context = Context.newBuilder("js").engine(engine).build();
        context.eval("js", preamble);
        for (Path script : scripts) {
            context.eval(Source.newBuilder("js", new File(script.toString())).build());
        }
        compile = context.eval("js", compileFunction);
    }

    @Override
    public Map<String, String> compile(Path root, List<SyntheticProject.SourceFile> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntheticProject.SourceFile file : files) {
            out.put(file.path(), compile.execute(file.text(), file.path(), file.typeScript()).asString());
        }
        return out;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            engine.close();
        }
    }
}
