package dev.ttrtc.bridge.engine;

import java.util.ServiceLoader;

/**
 * Makes engines for {@link RtcEngine#create}: implemented by the engine's internals and found
 * through {@link ServiceLoader}, so that this API package does not depend on its implementation
 * (which depends on it, and on the media package, which depends on it too). Not for embedders.
 */
public interface RtcEngineProvider {

    RtcEngine create(EngineConfig config);

    /** The provider on the class path, loaded once. */
    static RtcEngineProvider installed() {
        return Installed.PROVIDER;
    }

    /** Holds the provider; loaded on first use. */
    final class Installed {
        static final RtcEngineProvider PROVIDER = ServiceLoader.load(RtcEngineProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + RtcEngineProvider.class.getName() + " on the class path"));

        private Installed() {
        }
    }
}
