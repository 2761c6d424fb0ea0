package dev.ttrtc.view.internal.ttml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What names mean while a template renders: loop variables (innermost first), then the SJS
 * modules of the template's file, then fields of the data (an owner's data, or a template's
 * {@code data}). Immutable; a loop adds a frame.
 */
public final class Scope {
    private final JsonNode data;
    private final SjsModules modules;
    private final Scope parent;
    private final String name;
    private final Object value;

    private Scope(JsonNode data, SjsModules modules, Scope parent, String name, Object value) {
        this.data = data;
        this.modules = modules;
        this.parent = parent;
        this.name = name;
        this.value = value;
    }

    public static Scope of(JsonNode data, SjsModules modules) {
        return new Scope(data, modules, null, null, null);
    }

    public Scope with(String variable, Object variableValue) {
        return new Scope(data, modules, this, variable, variableValue);
    }

    public SjsModules modules() {
        return modules;
    }

    public JsonNode data() {
        return data;
    }

    Object lookup(String key) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.name != null && s.name.equals(key)) {
                return s.value;
            }
        }
        if (modules.has(key)) {
            return modules.exports(key);
        }
        return JsValues.member(data, key);
    }
}
