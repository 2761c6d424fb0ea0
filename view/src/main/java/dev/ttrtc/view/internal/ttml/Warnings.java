package dev.ttrtc.view.internal.ttml;

/**
 * Where the compiler and the renderer report what the phone renders differently or ignores
 * (a WARN entry each), as opposed to what it rejects (a {@link TemplateException}).
 */
@FunctionalInterface
public interface Warnings {
    void warn(Location location, String message);
}
