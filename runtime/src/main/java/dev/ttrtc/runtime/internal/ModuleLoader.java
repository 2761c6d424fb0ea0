package dev.ttrtc.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * CommonJS for the project's own files: every file runs as a module with its own
 * {@code exports}, {@code require}, {@code module}, {@code __filename} and {@code __dirname};
 * modules are cached; a cycle sees the partly filled exports, as in Node. Paths are relative to
 * the requiring file ({@code ./x}, {@code ../utils/x}, or {@code x}), or to the project root when
 * they start with {@code /}; {@code .js}, {@code .json} and {@code /index.js} are tried in that
 * order. Nothing outside the project folder can be loaded. Loop thread only.
 */
final class ModuleLoader {
    /**
     * Kept on the first line so that line numbers in errors match the file. {@code tt} reaches
     * the module as a closure variable rather than a global: GraalJS names locals in its
     * messages, so a typo reads {@code tt.reqest is not a function} instead of
     * {@code (intermediate value).reqest is not a function}; a module may still declare its own {@code tt}.
     */
    static final String WRAPPER_PREFIX = "(function (tt) { return function (exports, require, module, __filename, __dirname) {";
    private static final String WRAPPER_SUFFIX = "\n}; })";
    private static final List<String> SUFFIXES = List.of("", ".js", ".json", "/index.js");

    private final Project project;
    private final JsBridge js;
    private final Value helpers;
    private final Map<Path, Value> modules = new HashMap<>();

    ModuleLoader(Project project, JsBridge js) {
        this.project = project;
        this.js = js;
        this.helpers = js.helpers();
    }

    /**
     * Runs a project file (app.js, a page, game.js) as a module and returns its exports. Throws
     * the JS error (a syntax error included) as a {@link org.graalvm.polyglot.PolyglotException}.
     */
    Value load(String relativeFile) {
        Path file = project.resolveInside(relativeFile)
                .orElseThrow(() -> new IllegalArgumentException(relativeFile + " is outside the project"));
        return loadModule(file);
    }

    private Value loadModule(Path file) {
        Value cached = modules.get(file);
        if (cached != null) {
            return cached.getMember("exports");
        }
        String name = project.relativeName(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw js.throwError("require: cannot read " + name + ": " + e.getMessage());
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
                Value wrapper = js.context().eval(Source.newBuilder("js", WRAPPER_PREFIX + text + WRAPPER_SUFFIX, name).buildLiteral());
                Value tt = js.context().getBindings("js").getMember("tt");
                Value function = wrapper.execute(tt == null ? js.undefined() : tt);
                String dir = file.getParent().equals(project.root()) ? "" : project.relativeName(file.getParent());
                helpers.invokeMember("callModule", function, module, requireFunction(file), name, dir);
            }
        } catch (RuntimeException e) {
            modules.remove(file);
            throw e;
        }
        module.putMember("loaded", true);
        return module.getMember("exports");
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
                throw js.throwError("require: expects a module path string");
            }
            return loadModule(resolve(fromFile, args[0].asString()));
        });
    }

    private Path resolve(Path fromFile, String spec) {
        String from = project.relativeName(fromFile);
        String base = spec.startsWith("/") ? spec.substring(1)
                : (fromFile.getParent().equals(project.root()) ? "" : project.relativeName(fromFile.getParent()) + "/") + spec;
        for (String suffix : SUFFIXES) {
            Optional<Path> candidate = project.resolveInside(base + suffix);
            if (candidate.isEmpty()) {
                throw js.throwError("require: \"" + spec + "\" (from " + from + ") is outside the project folder");
            }
            if (Files.isRegularFile(candidate.get())) {
                return candidate.get();
            }
        }
        throw js.throwError("require: cannot find module \"" + spec + "\" from " + from);
    }
}
