package dev.ttrtc.bridge.signal;

/**
 * The appId/appKey pair every room server knows unless told otherwise, so that the sample and
 * local experiments need no configuration. The key is public: never use it for anything real.
 */
public final class DevelopmentApp {
    public static final String APP_ID = "5f0c3d7e9a1b2c4d6e8f0a1b";
    public static final String APP_KEY = "tt-rtc-host-development-key";

    private DevelopmentApp() {
    }
}
