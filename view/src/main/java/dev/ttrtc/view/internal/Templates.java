package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.TemplateException;
import dev.ttrtc.view.internal.ttml.TemplateUnit;
import dev.ttrtc.view.internal.ttml.TtmlCompiler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The compiled templates of every page and component of an instance, compiled at launch: a
 * malformed template fails the launch with {@code file:line:column: message}; a page or
 * component without a {@code .ttml} renders nothing (with a WARN entry).
 */
final class Templates {
    private final Map<String, TemplateUnit> byOwner = new HashMap<>();

    private Templates() {
    }

    static Templates compile(LogicLayer logic, SjsRegistry sjs) throws LaunchException {
        Templates templates = new Templates();
        TtmlCompiler compiler = new TtmlCompiler(logic.files(), (at, message) -> warn(logic, at, message));
        Set<String> owners = new LinkedHashSet<>(logic.pages());
        Deque<String> pending = new ArrayDeque<>(owners);
        while (!pending.isEmpty()) {
            for (String component : logic.usingComponents(pending.pop()).values()) {
                if (owners.add(component)) {
                    pending.add(component);
                }
            }
        }
        for (String owner : owners) {
            try {
                TemplateUnit unit = compiler.compile(owner + ".ttml").orElse(null);
                if (unit == null) {
                    warn(logic, new Location(owner + ".ttml", 1, 1), owner + ".ttml does not exist: "
                            + (logic.pages().contains(owner) ? "the page" : "the component") + " renders nothing");
                    continue;
                }
                templates.byOwner.put(owner, unit);
                loadSjs(unit, sjs, new LinkedHashSet<>());
            } catch (TemplateException e) {
                throw new LaunchException(e.getMessage());
            }
        }
        return templates;
    }

    /** SJS modules of the file and of the files it imports (their templates see their own modules). */
    private static void loadSjs(TemplateUnit unit, SjsRegistry sjs, Set<TemplateUnit> seen) throws LaunchException {
        if (!seen.add(unit)) {
            return;
        }
        sjs.load(unit);
        for (String name : unit.definitionNames()) {
            loadSjs(unit.template(name).unit(), sjs, seen);
        }
        for (TemplateUnit imported : unit.importedUnits()) {
            loadSjs(imported, sjs, seen);
        }
    }

    /** A page route's or component path's template, or null. */
    TemplateUnit of(String owner) {
        return byOwner.get(owner);
    }

    static void warn(LogicLayer logic, Location at, String message) {
        warn(logic, at.toString(), message);
    }

    /** A WARN entry at {@code file:line:column} (or a file alone, for problems without a position). */
    static void warn(LogicLayer logic, String at, String message) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("location", at);
        data.put("message", message);
        logic.events().record(HostEvent.Kind.WARN, "view", at + ": " + message, data);
    }
}
