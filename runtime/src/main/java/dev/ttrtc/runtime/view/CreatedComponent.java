package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A component instance the logic layer created for a host element.
 *
 * @param id its owner id
 * @param data its initial data: property defaults and {@code data}, serialised
 */
public record CreatedComponent(int id, ObjectNode data) {
}
