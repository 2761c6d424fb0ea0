package dev.ttrtc.view.internal.ttml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The SJS modules a template sees by name: their exports and their functions. */
public interface SjsModules {
    SjsModules NONE = new SjsModules() {
        @Override
        public boolean has(String name) {
            return false;
        }

        @Override
        public Object exports(String name) {
            return JsValues.UNDEFINED;
        }

        @Override
        public Object call(String module, List<String> path, List<JsonNode> arguments, Location at) {
            return JsValues.UNDEFINED;
        }
    };

    boolean has(String name);

    /** The module's exports as a template value (functions as markers). */
    Object exports(String name);

    /** Calls a module function; a failure is reported and answers undefined. */
    Object call(String module, List<String> path, List<JsonNode> arguments, Location at);
}
