package dev.ttrtc.bridge.engine.internal;

import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcEngineProvider;

/** The engines {@link RtcEngine#create} makes (registered in META-INF/services). */
public final class RealRtcEngineProvider implements RtcEngineProvider {
    @Override
    public RtcEngine create(EngineConfig config) {
        return new RealRtcEngine(config);
    }
}
