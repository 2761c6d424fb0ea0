package dev.ttrtc.view.internal.ttss;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a component's styles and the styles around it reach each other. Douyin does not document
 * {@code options.styleIsolation} or {@code options.addGlobalClass}; where it is silent this
 * project does what WeChat documents (docs/ttss.md), and the compiler warns that the option is
 * undocumented on Douyin.
 */
public enum StyleIsolation {
    /** The default: classes inside and outside the component never match each other. */
    ISOLATED("isolated"),
    /** Page and app classes reach inside the component; its own classes stay inside. */
    APPLY_SHARED("apply-shared"),
    /** Classes reach both ways (except into isolated components). */
    SHARED("shared");

    private final String wireName;

    StyleIsolation(String wireName) {
        this.wireName = wireName;
    }

    /** The value as written in {@code options.styleIsolation}. */
    public String wireName() {
        return wireName;
    }

    /** The isolation of that {@code options.styleIsolation} value, if it is one of the three. */
    public static Optional<StyleIsolation> fromWireName(String value) {
        for (StyleIsolation isolation : values()) {
            if (isolation.wireName.equals(value)) {
                return Optional.of(isolation);
            }
        }
        return Optional.empty();
    }

    /**
     * The isolation a component's {@code options} object asks for, by WeChat's rule: a valid
     * {@code styleIsolation} wins; otherwise {@code addGlobalClass: true} means apply-shared;
     * otherwise isolated.
     *
     * @param options the component's {@code options} (null or missing: none)
     */
    public static StyleIsolation fromOptions(JsonNode options) {
        if (options == null || !options.isObject()) {
            return ISOLATED;
        }
        Optional<StyleIsolation> declared = fromWireName(options.path("styleIsolation").asText(""));
        if (declared.isPresent()) {
            return declared.get();
        }
        return options.path("addGlobalClass").asBoolean(false) ? APPLY_SHARED : ISOLATED;
    }

    /**
     * Warnings about a component's isolation options, located at its {@code .js} file: options
     * Douyin does not document, and values that mean nothing.
     */
    static List<StyleProblem> warnings(String componentPath, JsonNode options) {
        List<StyleProblem> warnings = new ArrayList<>();
        if (options == null || !options.isObject()) {
            return warnings;
        }
        String file = componentPath + ".js";
        JsonNode declared = options.get("styleIsolation");
        if (declared != null) {
            String value = declared.asText();
            warnings.add(warning(file, fromWireName(value).isPresent()
                    ? "options.styleIsolation \"" + value + "\" is not documented on Douyin; applied as WeChat documents it"
                    : "options.styleIsolation \"" + value + "\" is not one of isolated, apply-shared, shared; ignored"));
        }
        if (options.has("addGlobalClass")) {
            warnings.add(warning(file, "options.addGlobalClass is not documented on Douyin; applied as WeChat documents it"
                    + (fromWireName(options.path("styleIsolation").asText("")).isPresent()
                            ? " (styleIsolation takes precedence)" : "")));
        }
        return warnings;
    }

    private static StyleProblem warning(String file, String message) {
        return new StyleProblem(StyleProblem.Severity.WARNING, file, 0, 0, message);
    }
}
