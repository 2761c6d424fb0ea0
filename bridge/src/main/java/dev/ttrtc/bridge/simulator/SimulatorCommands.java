package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.runtime.PageEvent;
import java.time.Duration;
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
                simulator.reportFailure(participant.userId() + " could not join", participant.join());
            }
            case "removeRemote" -> simulator.removeRemote(text(c, "userId"));
            case "talk" -> remote(c).talk(millis(c, "speakingMs"), millis(c, "pauseMs"));
            case "silence" -> remote(c).silence();
            case "publish", "unpublish" -> {
                RemoteParticipant participant = remote(c);
                MediaKind kind = kind(text(c, "kind"));
                if (cmd.equals("publish")) {
                    if (kind != MediaKind.SCREEN) {
                        participant.startCapture(kind);
                    }
                    simulator.reportFailure("publish " + kind.name().toLowerCase(), participant.publish(kind));
                } else {
                    simulator.reportFailure("unpublish " + kind.name().toLowerCase(), participant.unpublish(kind));
                }
            }
            case "drop" -> simulator.reportFailure("drop", remote(c).drop());
            case "callMethod" -> simulator.callPageMethod(text(c, "method"),
                    new PageEvent(c.path("type").asText("tap"), c.get("detail"), c.get("dataset")));
            case "relaunch" -> simulator.relaunch();
            case "token" -> {
                String roomId = id(c, "roomId");
                String userId = id(c, "userId");
                ObjectNode answer = Simulator.message("token");
                answer.put("requestId", c.path("requestId").asInt());
                answer.put("roomId", roomId);
                answer.put("userId", userId);
                answer.put("token", simulator.mintToken(roomId, userId));
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

    private static String id(JsonNode c, String field) {
        String value = text(c, field);
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(field + " must be " + RtcError.ID_RULE);
        }
        return value;
    }

    /** A talk pattern's part: 100 ms to 10 minutes, 2 s when absent. */
    private static Duration millis(JsonNode c, String field) {
        JsonNode value = c.get(field);
        if (value == null) {
            return Duration.ofSeconds(2);
        }
        if (!value.canConvertToLong() || value.asLong() < 100 || value.asLong() > 600_000) {
            throw new IllegalArgumentException(field + " must be a number of milliseconds from 100 to 600000");
        }
        return Duration.ofMillis(value.asLong());
    }

    private static MediaKind kind(String kind) {
        return switch (kind) {
            case "audio" -> MediaKind.AUDIO;
            case "video" -> MediaKind.VIDEO;
            case "screen" -> MediaKind.SCREEN;
            default -> throw new IllegalArgumentException("unknown kind " + kind + " (audio, video, screen)");
        };
    }
}
