package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.SjsException;
import dev.ttrtc.runtime.view.SjsModule;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.SjsModules;
import dev.ttrtc.view.internal.ttml.TemplateUnit;
import dev.ttrtc.view.internal.ttml.TtmlCompiler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SJS modules of one instance, evaluated once each at launch in the view's sandbox: a
 * {@code .sjs} file is one module however many templates declare it; an inline module belongs
 * to its template file. {@code require} inside SJS takes a relative path to a {@code .sjs}
 * file. A module that fails to load fails the launch; a function that throws while a page
 * renders is an ERROR entry naming the template place, and its value is undefined.
 * Loop thread only.
 */
final class SjsRegistry {
    private final LogicLayer logic;
    private final Map<String, SjsModule> files = new HashMap<>();
    private final Map<TemplateUnit, SjsModules> byUnit = new HashMap<>();

    SjsRegistry(LogicLayer logic) {
        this.logic = logic;
    }

    /** Evaluates every module a compiled file declares. */
    void load(TemplateUnit unit) throws LaunchException {
        if (byUnit.containsKey(unit)) {
            return;
        }
        Map<String, SjsModule> modules = new LinkedHashMap<>();
        for (TemplateUnit.SjsDeclaration d : unit.sjs()) {
            try {
                modules.put(d.name(), d.src() != null ? file(d.src()) : logic.sjs().evaluate(unit.file(),
                        d.location().line() - 1, d.source(), this::require));
            } catch (SjsException e) {
                throw new LaunchException(e.getMessage().startsWith(d.src() == null ? unit.file() : d.src())
                        ? e.getMessage() : d.location() + ": " + e.getMessage());
            }
        }
        byUnit.put(unit, new Modules(modules));
    }

    SjsModules of(TemplateUnit unit) {
        SjsModules modules = byUnit.get(unit);
        return modules == null ? SjsModules.NONE : modules;
    }

    private SjsModule file(String path) throws SjsException {
        SjsModule module = files.get(path);
        if (module == null) {
            String source = logic.files().readText(path).orElseThrow(() -> new SjsException("cannot read " + path));
            module = logic.sjs().evaluate(path, 0, source, this::require);
            files.put(path, module);
        }
        return module;
    }

    private SjsModule require(String from, String spec) throws SjsException {
        if (!(spec.startsWith("./") || spec.startsWith("../")) || !spec.endsWith(".sjs")) {
            throw new SjsException("require(\"" + spec + "\"): SJS can require only a relative path to a .sjs file");
        }
        String path = TtmlCompiler.resolve(from, spec);
        if (path == null || !logic.files().exists(path)) {
            throw new SjsException("require(\"" + spec + "\"): no such file");
        }
        return file(path);
    }

    private final class Modules implements SjsModules {
        private final Map<String, SjsModule> modules;
        private final Map<String, Object> exports = new HashMap<>();

        Modules(Map<String, SjsModule> modules) {
            this.modules = modules;
            modules.forEach((name, m) -> exports.put(name, JsValues.fromJson(m.exports())));
        }

        @Override
        public boolean has(String name) {
            return modules.containsKey(name);
        }

        @Override
        public Object exports(String name) {
            return exports.get(name);
        }

        @Override
        public Object call(String module, List<String> path, List<JsonNode> arguments, Location at) {
            try {
                return JsValues.fromJson(modules.get(module).call(path, arguments));
            } catch (SjsException e) {
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.put("cause", "sjs");
                data.put("location", at.toString());
                data.put("message", e.getMessage());
                logic.events().record(HostEvent.Kind.ERROR, "sjs", at + ": " + e.getMessage(), data);
                return JsValues.UNDEFINED;
            }
        }
    }
}
