package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.internal.compile.SourceMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.SourceSection;

/**
 * Turns positions in the code the engine ran into positions in the files as written: the
 * CommonJS wrapper shifts the first line of every module, and compiled files (ES modules,
 * TypeScript) go through their source maps. One per instance; the module loader registers each
 * file it runs. Thread-safe: errors are described on the loop and on embedder threads.
 */
public final class SourceLocations {
    /** Positions as the default loader writes them: only the wrapper on line 1 to undo. */
    public static final SourceLocations COMMONJS = new SourceLocations();

    /** {@code name:line:column} in stack text, as the engine prints frames. */
    private static final Pattern POSITION = Pattern.compile("((?:[\\w@$.-]+/)*[\\w@$.-]+\\.(?:js|ts)):(\\d+):(\\d+)");

    /** How the engine's view of one loaded file differs from the file as written. */
    private record Loaded(int firstLinePrefix, SourceMap map) {
    }

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /** Records a file the loader runs: its name, the wrapper text before its first line, its source map if compiled. */
    void register(String name, int firstLinePrefix, SourceMap mapOrNull) {
        loaded.put(name, new Loaded(firstLinePrefix, mapOrNull));
    }

    /** {@code file:line:column} (1-based) in the file as written, or the source name when the section has no position. */
    public String describe(SourceSection section) {
        String name = section.getSource().getName();
        if (!section.isAvailable()) {
            return name;
        }
        return describe(name, section.getStartLine(), section.getStartColumn());
    }

    private String describe(String name, int line, int column) {
        if (name.startsWith(JsError.HOST_SOURCE_PREFIX)) {
            return name + ":" + line + ":" + column;
        }
        Loaded file = loaded.get(name);
        int prefix = file == null ? ModuleLoader.WRAPPER_PREFIX.length() : file.firstLinePrefix();
        int col = line == 1 ? Math.max(1, column - prefix) : column;
        if (file == null || file.map() == null) {
            return name + ":" + line + ":" + col;
        }
        return file.map().original(line, col)
                .map(p -> name + ":" + p.line() + ":" + p.column())
                .orElse(name);
    }

    /**
     * Stack text a script built itself ({@code error.stack}, printed by {@code console.error}),
     * with every position in a compiled file moved to the file as written.
     */
    public String rewrite(String text) {
        if (loaded.values().stream().noneMatch(l -> l.map() != null)) {
            return text;
        }
        Matcher m = POSITION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Loaded file = loaded.get(m.group(1));
            String replacement = file == null || file.map() == null ? m.group()
                    : describe(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
