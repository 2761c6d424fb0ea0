package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The timeouts of the network APIs: a call's own {@code timeout}, else the project's
 * {@code networkTimeout} (app.json, or game.json for a mini-game), else 60 s; never more than the
 * platform's 60 s.
 */
final class NetworkTimeouts {
    static final Duration MAX = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode config;

    private NetworkTimeouts(JsonNode config) {
        this.config = config;
    }

    /** Reads {@code networkTimeout} from the project; a missing or unreadable entry means the defaults. */
    static NetworkTimeouts of(Path projectDir) {
        for (String name : new String[] {"app.json", "game.json"}) {
            Path file = projectDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return new NetworkTimeouts(JSON.readTree(file.toFile()).path("networkTimeout"));
                } catch (IOException e) {
                    break; // The project loader reports a broken app.json; the network keeps its defaults.
                }
            }
        }
        return new NetworkTimeouts(null);
    }

    /**
     * The timeout for {@code api} ({@code request}, {@code downloadFile}, {@code uploadFile},
     * {@code connectSocket}) given the call's own {@code timeout} in milliseconds, if any.
     */
    Duration forCall(String api, OptionalDouble own) {
        double millis = own.isPresent() && own.getAsDouble() > 0 ? own.getAsDouble()
                : config != null && config.path(api).isNumber() && config.path(api).asDouble() > 0
                        ? config.path(api).asDouble() : MAX.toMillis();
        return Duration.ofMillis((long) Math.min(millis, MAX.toMillis()));
    }
}
