package dev.ttrtc.bridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the page can ask for: {@code cmd} is one of addRemote, removeRemote, talk, silence,
 * publish, unpublish, drop, callMethod, relaunch, token, and the user's actions in the phone
 * frame (tap, input, change, scroll on an element named by its {@code nid}). A bad command throws
 * IllegalArgumentException, which the page shows.
 */
final class SimulatorCommands {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the phone frame's videos report: the playback events of the platform's {@code <video>}. */
    private static final Set<String> MEDIA_EVENTS = Set.of("play", "pause", "ended", "waiting", "error", "timeupdate");
    private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,127}");
    /** What every JS object inherits from Object.prototype: never a page's own method. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("constructor", "valueOf", "toString", "toLocaleString",
            "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "__proto__", "__defineGetter__",
            "__defineSetter__", "__lookupGetter__", "__lookupSetter__");

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
            case "callMethod" -> simulator.callPageMethod(methodName(c),
                    new PageEvent(c.path("type").asText("tap"), c.get("detail"), c.get("dataset")));
            case "relaunch" -> simulator.relaunch();
            case "tap", "input", "change", "scroll", "media" -> simulator.reportFailure(cmd, act(cmd, c));
            case "tapTab" -> simulator.reportFailure(cmd, simulator.shownProgram().tapTab(c.path("index").asInt(-1)));
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

    /** A user's action on an element of the phone frame, handed to the view as the user's. */
    private CompletableFuture<Void> act(String cmd, JsonNode c) {
        JsonNode nid = c.get("nid");
        if (nid == null || !nid.canConvertToInt()) {
            throw new IllegalArgumentException(cmd + " needs nid");
        }
        ViewElement element = simulator.shownProgram().view().element(nid.asInt())
                .orElseThrow(() -> new IllegalArgumentException("the page has no element " + nid.asInt() + " now"));
        return switch (cmd) {
            case "media" -> {
                String type = c.path("type").asText("");
                if (!element.tag().equals("video") || !MEDIA_EVENTS.contains(type)) {
                    throw new IllegalArgumentException("a <" + element.tag() + "> reports no \"" + type + "\"");
                }
                yield element.trigger(type, c.path("detail"));
            }
            case "tap" -> element.tap();
            case "input" -> element.input(c.path("text").asText(""));
            case "change" -> element.change(JSON.convertValue(c.path("value"), Object.class));
            default -> element.scroll(c.path("left").asDouble(0), c.path("top").asDouble(0));
        };
    }

    /** A page method's name: an identifier, never a name every object has ({@code constructor}, {@code valueOf}…). */
    private static String methodName(JsonNode c) {
        String method = text(c, "method");
        if (!METHOD_NAME.matcher(method).matches() || OBJECT_MEMBERS.contains(method)) {
            throw new IllegalArgumentException("\"" + method + "\" is not a method of the page");
        }
        return method;
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
