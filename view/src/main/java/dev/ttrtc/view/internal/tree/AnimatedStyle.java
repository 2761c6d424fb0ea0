package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The style that the exports of {@code tt.createAnimation} given to an element's
 * {@code animation} attribute have left on it, as inline CSS: the state after the last step of
 * each, as on the phone, where an animation's styles stay until a later one changes them. A
 * style set in one step stays unless a later step sets it again; transform functions likewise,
 * by function (a later {@code rotate(0)} undoes an earlier {@code rotate(45)}), in the order first
 * used. The transition spans every step of the latest export (their durations and the later
 * steps' delays added up, after the first step's delay) with its last step's timing function: a
 * browser moves the element to the new state over that time, without stopping at the states
 * between. Loop thread only, like its node.
 */
final class AnimatedStyle {
    private static final Set<String> ANGLES = Set.of("rotate", "rotateX", "rotateY", "rotateZ", "skew", "skewX", "skewY");
    private static final Set<String> LENGTHS = Set.of("translate", "translateX", "translateY", "translateZ", "translate3d");

    private final Map<String, String> styles = new LinkedHashMap<>();
    private final Map<String, String> transforms = new LinkedHashMap<>();
    private String origin = "50% 50% 0";
    private String transition = "";

    /** Whether {@code value} is an export with steps (an export of nothing changes nothing). */
    static boolean isExport(Object value) {
        return value instanceof ObjectNode export && export.path("actions").isArray() && !export.path("actions").isEmpty();
    }

    /** Plays an export (see {@link #isExport}) over what earlier ones left. */
    void play(ObjectNode export) {
        double duration = 0;
        double firstDelay = 0;
        String timing = "linear";
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
            JsonNode options = action.path("option").path("transition");
            double delay = number(options.path("delay"));
            duration += number(options.path("duration")) + (first ? 0 : delay);
            firstDelay = first ? delay : firstDelay;
            timing = options.path("timingFunction").asText(timing);
            origin = action.path("option").path("transformOrigin").asText(origin);
            first = false;
        }
        transition = "all " + JsValues.numberToString(duration) + "ms " + timing + " " + JsValues.numberToString(firstDelay) + "ms";
    }

    String css() {
        StringBuilder css = new StringBuilder();
        styles.forEach((name, value) -> css.append(name).append(": ").append(value).append("; "));
        if (!transforms.isEmpty()) {
            css.append("transform: ").append(String.join(" ", transforms.values())).append("; ");
        }
        return css.append("transform-origin: ").append(origin).append("; transition: ").append(transition).toString();
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
