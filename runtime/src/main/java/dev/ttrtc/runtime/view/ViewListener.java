package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Receives the patch ops that keep a mirror of the top page current. Called on the instance's
 * loop thread, once per update, with the ops in the order they apply; it must only hand them
 * on (never block, never call the view back synchronously).
 *
 * <p>Ops (all ids are node ids, the {@code data-nid} of the HTML):
 * {@code page {route, html, css}} (the whole page, on show and navigation),
 * {@code insert {parent, before, html}} ({@code before} a node id, or null to append),
 * {@code remove {id}}, {@code move {id, parent, before}}, {@code text {id, text}},
 * {@code attrs {id, attrs}} (HTML attributes of the element itself; a null value removes one),
 * {@code replace {id, html}} (a built-in whose inner HTML changed),
 * {@code value {id, value}} (a form control's state).
 */
@FunctionalInterface
public interface ViewListener {
    void onOps(List<ObjectNode> ops);
}
