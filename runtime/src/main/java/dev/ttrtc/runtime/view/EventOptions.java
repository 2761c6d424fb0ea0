package dev.ttrtc.runtime.view;

/**
 * The options of {@code triggerEvent(name, detail, options)}.
 *
 * @param bubbles the event bubbles up the tree of the component's user
 * @param composed the event crosses component boundaries while it bubbles
 * @param capturePhase the event has a capture phase
 */
public record EventOptions(boolean bubbles, boolean composed, boolean capturePhase) {
    public static final EventOptions NONE = new EventOptions(false, false, false);
}
