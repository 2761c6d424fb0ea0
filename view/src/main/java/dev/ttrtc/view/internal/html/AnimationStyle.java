package dev.ttrtc.view.internal.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An element's {@code animation} attribute (the export of {@code tt.createAnimation}) as inline
 * CSS: the state after its last step. A style set in one step stays unless a later step sets it
 * again; transform functions likewise, by function (a later {@code rotate(0)} undoes an earlier
 * {@code rotate(45)}), in the order first used. The transition spans every step (their durations
 * and the later steps' delays added up, after the first step's delay) with the last step's
 * timing function: a browser moves the element to the final state over that time, without
 * stopping at the states between.
 */
final class AnimationStyle {
    private static final Set<String> ANGLES = Set.of("rotate", "rotateX", "rotateY", "rotateZ", "skew", "skewX", "skewY");
    private static final Set<String> LENGTHS = Set.of("translate", "translateX", "translateY", "translateZ", "translate3d");

    private AnimationStyle() {
    }

    /** The CSS for {@code animation}, or null when it is no animation export. */
    static String css(Object animation) {
        if (!(animation instanceof ObjectNode export) || !export.path("actions").isArray() || export.path("actions").isEmpty()) {
            return null;
        }
        Map<String, String> styles = new LinkedHashMap<>();
        Map<String, String> transforms = new LinkedHashMap<>();
        double duration = 0;
        double firstDelay = 0;
        String timing = "linear";
        String origin = "50% 50% 0";
        boolean first = true;
        for (JsonNode action : export.get("actions")) {
            for (JsonNode animate : action.path("animates")) {
                String type = animate.path("type").asText();
                JsonNode args = animate.path("args");
                if (type.equals("style")) {
                    styles.put(args.path(0).asText(), JsValues.toDisplayString(JsValues.fromJson(args.path(1))));
                } else if (!type.isEmpty()) {
                    transforms.put(type, type + "(" + arguments(type, args) + ")");
                }
            }
            JsonNode transition = action.path("option").path("transition");
            double delay = number(transition.path("delay"));
            duration += number(transition.path("duration")) + (first ? 0 : delay);
            firstDelay = first ? delay : firstDelay;
            timing = transition.path("timingFunction").asText(timing);
            origin = action.path("option").path("transformOrigin").asText(origin);
            first = false;
        }
        StringBuilder css = new StringBuilder();
        styles.forEach((name, value) -> css.append(name).append(": ").append(value).append("; "));
        if (!transforms.isEmpty()) {
            css.append("transform: ").append(String.join(" ", transforms.values())).append("; ");
        }
        return css.append("transform-origin: ").append(origin).append("; transition: all ")
                .append(JsValues.numberToString(duration)).append("ms ").append(timing).append(' ')
                .append(JsValues.numberToString(firstDelay)).append("ms").toString();
    }

    /** A transform's arguments in CSS: numbers get deg (angles) or px (lengths); strings stay as written. */
    private static String arguments(String type, JsonNode args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            JsonNode arg = args.get(i);
            boolean angle = ANGLES.contains(type) || type.equals("rotate3d") && i == 3;
            String unit = !arg.isNumber() ? "" : angle ? "deg" : LENGTHS.contains(type) ? "px" : "";
            out.append(i == 0 ? "" : ", ").append(JsValues.toDisplayString(JsValues.fromJson(arg))).append(unit);
        }
        return out.toString();
    }

    private static double number(JsonNode value) {
        double n = JsValues.toNumber(JsValues.fromJson(value));
        return Double.isFinite(n) && n > 0 ? n : 0;
    }
}
