package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the view needs to know of a component definition.
 *
 * @param path the component's project-relative path without extension
 * @param properties declared properties in declaration order: name → type
 * @param externalClasses the {@code externalClasses} it declares
 * @param options its {@code options} object (multipleSlots, styleIsolation, addGlobalClass…)
 * @param formField whether it uses the built-in {@code tt://form-field} behavior: a {@code <form>}
 *     submits it under its {@code name} property with its {@code value} property
 */
public record ComponentInfo(String path, Map<String, PropertyType> properties, List<String> externalClasses,
        JsonNode options, boolean formField) {

    /** A declared property's type, as the platform spells it in {@code properties}. */
    public enum PropertyType { STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, FUNCTION, ANY }
}
