package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.bridge.signal.server.RoomSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The rooms of a room server in another process, read from its {@code GET /api/rooms}. */
public final class RemoteRooms implements Supplier<List<RoomSnapshot>> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<RoomSnapshot>> ROOMS = new TypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI roomsUri;

    private RemoteRooms(URI roomsUri) {
        this.roomsUri = roomsUri;
    }

    /** The server whose WebSocket is at {@code signalUri} (ws://host:port/signal). */
    public static RemoteRooms of(URI signalUri) {
        String scheme = "wss".equals(signalUri.getScheme()) ? "https" : "http";
        return new RemoteRooms(URI.create(scheme + "://" + signalUri.getRawAuthority() + "/api/rooms"));
    }

    /** The rooms now; throws UncheckedIOException (with a readable message) when the server does not answer. */
    @Override
    public List<RoomSnapshot> get() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(roomsUri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(roomsUri + " answered HTTP " + response.statusCode());
            }
            return JSON.readValue(response.body(), ROOMS);
        } catch (IOException e) {
            throw new UncheckedIOException(roomsUri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
