package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an instance's {@link EventLog}: a console line, a UI event, an API call or its
 * result, an event delivered to JS, a lifecycle step, a navigation, a data change or an error.
 *
 * @param seq position in the log, unique and increasing per instance
 * @param time when it was recorded
 * @param kind what sort of entry this is
 * @param name the API, event, hook or console level it concerns (for example {@code showToast})
 * @param text a one-line human-readable summary
 * @param data structured details (parameters, payload, location); an empty object when none
 */
public record HostEvent(long seq, Instant time, Kind kind, String name, String text, JsonNode data) {

    /** The sorts of log entries, with the wire names used in JSON output. */
    public enum Kind {
        /** A {@code console.*} line; name is the level. */
        CONSOLE("console"),
        /** A UI request such as {@code showToast}; data holds its parameters. */
        UI("ui"),
        /** A {@code tt} API call; data.params holds its parameters. */
        API_CALL("api-call"),
        /** The payload an API call completed with; data.payload holds it. */
        API_RESULT("api-result"),
        /** An event delivered to JS listeners (for example {@code onRtcChatMembersChanged}). */
        EVENT("event"),
        /** An App or Page lifecycle hook that ran. */
        LIFECYCLE("lifecycle"),
        /** A page's or component's event handler or method that ran (a {@code bindtap} handler, a method called from Java or a test). */
        HANDLER("handler"),
        /** The page stack changed; data holds route, query and stack. */
        NAVIGATION("navigation"),
        /** A page's data changed through setData; data holds the patch. */
        DATA("data"),
        /** An uncaught error, unhandled rejection, interrupted task or misuse of an API. */
        ERROR("error"),
        /**
         * Something the phone would render differently or not at all, found by the view layer
         * (an unknown tag, a handler the page lacks); data.location names the template place.
         */
        WARN("warn");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public HostEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    }

    /** This entry as one JSON object: {@code {seq, time, kind, name, text, data}}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seq", seq);
        node.put("time", time.toString());
        node.put("kind", kind.wireName());
        node.put("name", name);
        node.put("text", text);
        node.set("data", data);
        return node;
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + name + ": " + text;
    }
}
