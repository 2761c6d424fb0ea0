package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;

/** A control a {@code <form>} submits (when it has a {@code name}) and resets. */
interface FormField {
    /** The {@code name} attribute, or an empty string. */
    String fieldName();

    JsonNode fieldValue();

    /** Back to the value the template gives it. */
    void reset();
}
