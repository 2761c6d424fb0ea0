package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.runtime.PageEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the page can ask for: {@code cmd} is one of addRemote, removeRemote, talk, silence,
 * publish, unpublish, drop, callMethod, relaunch, token. A bad command throws
 * IllegalArgumentException, which the page shows.
 */
final class SimulatorCommands {
    private final Simulator simulator;

    SimulatorCommands(Simulator simulator) {
        this.simulator = simulator;
    }

    void run(JsonNode c, Consumer<ObjectNode> reply) {
        String cmd = c.path("cmd").asText("");
        switch (cmd) {
            case "addRemote" -> {
                RemoteParticipant participant = simulator.addRemote(text(c, "userId"), text(c, "roomId"));
                participant.startCapture(MediaKind.AUDIO);
                participant.startCapture(MediaKind.VIDEO);
                simulator.joinRemote(participant);
            }
            case "removeRemote" -> simulator.removeRemote(text(c, "userId"));
            case "talk" -> {
                long speaking = c.path("speakingMs").asLong(2000);
                long pause = c.path("pauseMs").asLong(2000);
                remote(c).talk(Duration.ofMillis(speaking), Duration.ofMillis(pause));
            }
            case "silence" -> remote(c).silence();
            case "publish", "unpublish" -> {
                RemoteParticipant participant = remote(c);
                for (MediaKind kind : kinds(text(c, "kind"))) {
                    if (cmd.equals("publish")) {
                        if (kind != MediaKind.SCREEN) {
                            participant.startCapture(kind);
                        }
                        participant.publish(kind);
                    } else {
                        participant.unpublish(kind);
                    }
                }
            }
            case "drop" -> remote(c).drop();
            case "callMethod" -> simulator.callPageMethod(text(c, "method"),
                    new PageEvent(c.path("type").asText("tap"), c.get("detail"), c.get("dataset")));
            case "relaunch" -> simulator.relaunch();
            case "token" -> {
                String roomId = text(c, "roomId");
                String userId = text(c, "userId");
                ObjectNode answer = Simulator.message("token");
                answer.put("requestId", c.path("requestId").asInt());
                answer.put("roomId", roomId);
                answer.put("userId", userId);
                answer.put("token", simulator.token(roomId, userId));
                reply.accept(answer);
            }
            default -> throw new IllegalArgumentException("unknown command \"" + cmd + "\"");
        }
    }

    private RemoteParticipant remote(JsonNode c) {
        String userId = text(c, "userId");
        return simulator.remote(userId).orElseThrow(() -> new IllegalArgumentException("no Java participant named " + userId));
    }

    private static String text(JsonNode c, String field) {
        JsonNode value = c.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(c.path("cmd").asText() + " needs " + field);
        }
        return value.asText();
    }

    private static List<MediaKind> kinds(String kind) {
        return switch (kind) {
            case "audio" -> List.of(MediaKind.AUDIO);
            case "video" -> List.of(MediaKind.VIDEO);
            case "screen" -> List.of(MediaKind.SCREEN);
            default -> throw new IllegalArgumentException("unknown kind " + kind + " (audio, video, screen)");
        };
    }
}
