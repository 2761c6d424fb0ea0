package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.internal.compile.CompileException;
import dev.ttrtc.runtime.internal.compile.CompiledScript;
import dev.ttrtc.runtime.internal.compile.ProjectSources;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * CommonJS for the project's own files: every file runs as a module with its own
 * {@code exports}, {@code require}, {@code module}, {@code __filename} and {@code __dirname};
 * modules are cached; a cycle sees the partly filled exports, as in Node. {@link ModuleResolver}
 * finds the files; files that need the compile step (ES modules, TypeScript) run as compiled by
 * {@link ProjectSources}, and each file is registered with {@link SourceLocations} so errors
 * point into it as written. Nothing outside the project folder can be loaded. Loop thread only.
 */
final class ModuleLoader {
    /**
     * Kept on the first line so that line numbers in errors match the file. {@code tt} reaches
     * the module as a closure variable rather than a global: GraalJS names locals in its
     * messages, so a typo reads {@code tt.reqest is not a function} instead of
     * {@code (intermediate value).reqest is not a function}; a module may still declare its own {@code tt}.
     */
    static final String WRAPPER_PREFIX = "(function (tt) { return function (exports, require, module, __filename, __dirname) {";
    /** Compiled ES modules run in strict mode, as modules do (and as the devtools' output does). */
    private static final String STRICT_PREFIX = WRAPPER_PREFIX + "\"use strict\";";
    private static final String WRAPPER_SUFFIX = "\n}; })";

    private final Project project;
    private final JsBridge js;
    private final ProjectSources sources;
    private final SourceLocations locations;
    private final ModuleResolver resolver;
    private final Value helpers;
    private final Map<Path, Value> modules = new HashMap<>();

    ModuleLoader(Project project, JsBridge js, ProjectSources sources, SourceLocations locations) {
        this.project = project;
        this.js = js;
        this.sources = sources;
        this.locations = locations;
        this.resolver = new ModuleResolver(project);
        this.helpers = js.helpers();
    }

    /**
     * Runs a project file (app.js, a page, a component, game.js; as {@link Project#scriptFile}
     * names it) as a module and returns its exports. Throws the JS error (a syntax error
     * included) as a {@link PolyglotException}.
     *
     * @throws ProjectSources.RefusedException the compiler refused the file itself
     * @throws CompileException the compiler could not run
     */
    Value load(String relativeFile) throws ProjectSources.RefusedException, CompileException {
        Path file = project.resolveInside(relativeFile)
                .orElseThrow(() -> new IllegalArgumentException(relativeFile + " is outside the project"));
        return loadModule(file);
    }

    private Value loadModule(Path file) throws ProjectSources.RefusedException, CompileException {
        Value cached = modules.get(file);
        if (cached != null) {
            return cached.getMember("exports");
        }
        String name = project.relativeName(file);
        String text;
        try {
            if (Files.size(file) > Project.MAX_SCRIPT_BYTES) {
                throw js.throwRangeError("require: " + name + " is larger than " + (Project.MAX_SCRIPT_BYTES >> 20)
                        + " MB, the host's limit for one script");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The exception's text names Java classes and host paths; the module's name is what JS needs.
            throw js.throwError("require: cannot read " + name + (e instanceof CharacterCodingException ? ": it is not UTF-8 text" : ""));
        }
        Value module = js.newObject();
        module.putMember("id", name);
        module.putMember("filename", name);
        module.putMember("exports", js.newObject());
        module.putMember("loaded", false);
        modules.put(file, module);
        try {
            if (name.endsWith(".json")) {
                module.putMember("exports", parseJsonModule(name, text));
            } else {
                Value function = compile(name, text);
                String dir = file.getParent().equals(project.root()) ? "" : project.relativeName(file.getParent());
                helpers.invokeMember("callModule", function, module, requireFunction(file), name, dir);
            }
        } catch (RuntimeException | ProjectSources.RefusedException | CompileException e) {
            modules.remove(file);
            throw e;
        }
        module.putMember("loaded", true);
        return module.getMember("exports");
    }

    /** The module function: the compiled code when the file needs compiling, else the file as it is. */
    private Value compile(String name, String text) throws ProjectSources.RefusedException, CompileException {
        Optional<CompiledScript> compiled = sources.compiled(name, text);
        if (compiled.isPresent()) {
            return evaluate(name, compiled.get());
        }
        try {
            locations.register(name, WRAPPER_PREFIX.length(), null);
            return moduleFunction(name, WRAPPER_PREFIX + text + WRAPPER_SUFFIX);
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                throw e;
            }
            // Syntax the engine lacks, or module syntax the scan missed: the compiler may know it.
            CompiledScript script;
            try {
                script = sources.compileRejected(name, text);
            } catch (ProjectSources.RefusedException | CompileException notCompiled) {
                throw e; // A real syntax error: the engine's own report is as good and needs no map.
            }
            return evaluate(name, script);
        }
    }

    private Value evaluate(String name, CompiledScript script) {
        String prefix = script.module() ? STRICT_PREFIX : WRAPPER_PREFIX;
        locations.register(name, prefix.length(), script.map());
        return moduleFunction(name, prefix + script.code() + WRAPPER_SUFFIX);
    }

    /** Evaluates a wrapped module and hands it the instance's {@code tt}. */
    private Value moduleFunction(String name, String wrapped) {
        Value wrapper = js.context().eval(Source.newBuilder("js", wrapped, name).buildLiteral());
        Value tt = js.context().getBindings("js").getMember("tt");
        return wrapper.execute(tt == null ? js.undefined() : tt);
    }

    private Value parseJsonModule(String name, String text) {
        try {
            return js.fromJsonText(text);
        } catch (RuntimeException e) {
            throw js.throwError("require: " + name + " is not valid JSON");
        }
    }

    private Value requireFunction(Path fromFile) {
        return js.function("require", (ProxyExecutable) args -> {
            if (args.length == 0 || !args[0].isString()) {
                throw js.throwTypeError("require: expects a module path string");
            }
            String spec = args[0].asString();
            if (spec.isEmpty()) {
                throw js.throwTypeError("require: expects a non-empty module path");
            }
            if (!ModuleResolver.isPossiblePath(spec)) {
                throw js.throwTypeError("require: " + ModuleResolver.quoted(spec) + " is not a valid module path (it holds a NUL"
                        + " character or a lone surrogate)");
            }
            try {
                return loadModule(resolver.resolve(fromFile, spec));
            } catch (ModuleResolver.NotFound e) {
                throw js.throwError(e.getMessage());
            } catch (ProjectSources.RefusedException e) {
                throw js.throwSyntaxError(e.getMessage());
            } catch (CompileException e) {
                throw js.throwError("require: cannot compile " + args[0].asString() + ": " + e.getMessage());
            }
        });
    }
}
