package dev.ttrtc.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * CommonJS {@code require} for the trusted scripts of a {@link RealScriptContext} (test files,
 * so that suites can share helper modules). Paths are relative to the requiring file;
 * {@code .js} and {@code .json} are tried; modules are cached. Unlike mini-programs, a trusted
 * script may load any file.
 */
final class ScriptModules {
    private static final String PREFIX = "(function (exports, require, module, __filename, __dirname) {";

    private final Context context;
    private final Path cwd = Path.of("").toAbsolutePath();
    private final Map<Path, Value> cache = new HashMap<>();

    ScriptModules(Context context, Path entryFile) {
        this.context = context;
        cache.put(entryFile, null);
    }

    ProxyExecutable requireFrom(Path file) {
        return args -> {
            if (args.length == 0 || !args[0].isString()) {
                throw new IllegalArgumentException("require(path): path must be a string");
            }
            return load(resolve(file, args[0].asString()));
        };
    }

    private Path resolve(Path from, String spec) {
        Path base = from.getParent().resolve(spec).normalize();
        for (String suffix : new String[] {"", ".js", ".json"}) {
            Path candidate = Path.of(base + suffix);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("require: cannot find \"" + spec + "\" from " + from);
    }

    private Value load(Path file) {
        Value cached = cache.get(file);
        if (cached != null) {
            return cached.getMember("exports");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("require: cannot read " + file + ": " + FileProblems.reason(e));
        }
        Value module = context.eval("js", "({ exports: {} })");
        cache.put(file, module);
        String name = (file.startsWith(cwd) ? cwd.relativize(file) : file).toString().replace('\\', '/');
        if (file.toString().endsWith(".json")) {
            module.putMember("exports", context.eval("js", "JSON.parse").execute(text));
        } else {
            Value function = context.eval(Source.newBuilder("js", PREFIX + text + "\n})", name).buildLiteral());
            function.execute(module.getMember("exports"), requireFrom(file), module, name, file.getParent().toString());
        }
        return module.getMember("exports");
    }
}
