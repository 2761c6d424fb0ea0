package dev.ttrtc.bridge.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What an engine needs: the room server, the app, a name for its threads, and how to reconnect.
 *
 * @param server the room server's signalling URI ({@code ws://127.0.0.1:PORT/signal}), or null when
 *     none is configured (capture works; joining fails saying so)
 * @param appId the application id the engine's rooms belong to
 * @param name a label for threads and logs (the user or instance it serves)
 * @param connectTimeout how long a connection attempt may take
 * @param reconnect how a dropped connection is retried
 * @param media what the participant sends and whether media flows at all
 */
public record EngineConfig(URI server, AppId appId, String name, Duration connectTimeout, ReconnectPolicy reconnect,
        MediaConfig media) {

    public EngineConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(media, "media");
    }

    public static EngineConfig of(URI server, AppId appId, String name) {
        return new EngineConfig(server, appId, name, Duration.ofSeconds(5), ReconnectPolicy.DEFAULT, MediaConfig.DEFAULT);
    }

    /** An engine with no room server: capture works, joining fails with a clear message. */
    public static EngineConfig withoutServer(AppId appId, String name) {
        return new EngineConfig(null, appId, name, Duration.ofSeconds(5), ReconnectPolicy.DEFAULT, MediaConfig.DEFAULT);
    }

    public EngineConfig withName(String newName) {
        return new EngineConfig(server, appId, newName, connectTimeout, reconnect, media);
    }

    public EngineConfig withReconnect(ReconnectPolicy policy) {
        return new EngineConfig(server, appId, name, connectTimeout, policy, media);
    }

    public EngineConfig withMedia(MediaConfig config) {
        return new EngineConfig(server, appId, name, connectTimeout, reconnect, config);
    }
}
