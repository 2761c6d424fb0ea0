package dev.ttrtc.runtime.view;

import dev.ttrtc.runtime.LaunchException;

/**
 * Creates the view layer of each instance. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.ttrtc.runtime.view.ViewLayerProvider}); the first one found is used.
 */
public interface ViewLayerProvider {

    /**
     * Opens the view of one instance: compiles every page's and component's template. Called on
     * the instance's loop thread while it starts, after its project code has loaded and before
     * its first page opens.
     *
     * @throws LaunchException a malformed template, with {@code file:line:column: message}
     */
    ViewLayer open(LogicLayer logic) throws LaunchException;
}
