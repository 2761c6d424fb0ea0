package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.ReconnectPolicy;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import java.net.URI;
import java.util.Objects;

/**
 * How an instance's RTC APIs reach rooms; pass it with
 * {@code LaunchOptions.builder(dir).extension(RtcSettings.class, settings)}. Without it, joining
 * fails with 21102 explaining that no room server is configured.
 *
 * @param server the room server's signalling URI
 * @param defaultAppId the appId {@code tt.getRtcEngine()} uses when called without one
 * @param reconnect how dropped room connections are retried
 * @param media what the instance's contexts send, and whether media flows at all
 */
public record RtcSettings(URI server, AppId defaultAppId, ReconnectPolicy reconnect, MediaConfig media) {

    public RtcSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(defaultAppId, "defaultAppId");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(media, "media");
    }

    public static RtcSettings of(URI server) {
        return new RtcSettings(server, AppId.of(DevelopmentApp.APP_ID), ReconnectPolicy.DEFAULT, MediaConfig.DEFAULT);
    }

    public RtcSettings withReconnect(ReconnectPolicy policy) {
        return new RtcSettings(server, defaultAppId, policy, media);
    }

    public RtcSettings withMedia(MediaConfig config) {
        return new RtcSettings(server, defaultAppId, reconnect, config);
    }
}
