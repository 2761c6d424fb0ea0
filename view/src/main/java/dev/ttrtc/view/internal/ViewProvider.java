package dev.ttrtc.view.internal;

import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ViewLayer;
import dev.ttrtc.runtime.view.ViewLayerProvider;

/** Makes the view module the view layer of every instance of the JVM (found through ServiceLoader). */
public final class ViewProvider implements ViewLayerProvider {
    @Override
    public ViewLayer open(LogicLayer logic) throws LaunchException {
        return RealViewLayer.open(logic);
    }
}
