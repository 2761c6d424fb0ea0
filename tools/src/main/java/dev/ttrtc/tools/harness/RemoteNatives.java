package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The natives behind {@code t.remote}: Java participants joining the test's rooms. */
final class RemoteNatives {
    private final Handles handles;
    private final Replies replies;

    RemoteNatives(Handles handles, Replies replies) {
        this.handles = handles;
        this.replies = replies;
    }

    private RemoteParticipant remote(ScriptValue handle) {
        return handles.get(handle, RemoteParticipant.class);
    }

    void addTo(Map<String, ScriptFunction> n) {
        n.put("remote", a -> {
            TestScope scope = handles.get(a[0], TestScope.class);
            scope.requireOpen();
            String userId = a[1].asString();
            JsonNode o = Replies.parse(a[2].asString());
            String roomId = o.path("roomId").asText("room");
            String appId = o.path("appId").asText(DevelopmentApp.APP_ID);
            String token = o.hasNonNull("token") ? o.get("token").asText()
                    : AccessToken.issue(appId, roomId, userId, System.currentTimeMillis() / 1000,
                            o.path("expire").asLong(3600), o.path("publish").asBoolean(true))
                            .serialize(o.path("appKey").asText(DevelopmentApp.APP_KEY));
            RoomConfig config = new RoomConfig(o.path("autoPublish").asBoolean(true), o.path("autoSubscribe").asBoolean(true),
                    o.path("visible").asBoolean(true));
            EngineConfig engine = EngineConfig.of(scope.server.started().signalUri(), AppId.of(appId), userId)
                    .withMedia(LaunchSpec.mediaConfig(o));
            RemoteParticipant participant = new RemoteParticipant(engine, roomId, userId, token, config);
            scope.adopt(participant);
            return handles.register(participant, a[0]);
        });
        n.put("remoteUserId", a -> remote(a[0]).userId());
        n.put("remoteJoin", a -> {
            replies.settle(remote(a[0]).join(), a[1], a[2]);
            return null;
        });
        n.put("remoteLeave", a -> {
            replies.settle(remote(a[0]).leave(), a[1], a[2]);
            return null;
        });
        n.put("remoteDrop", a -> {
            replies.settle(remote(a[0]).drop(), a[1], a[2]);
            return null;
        });
        n.put("remoteVisible", a -> {
            replies.settle(remote(a[0]).setVisible(a[1].asBoolean()), a[2], a[3]);
            return null;
        });
        n.put("remoteCapture", a -> {
            RemoteParticipant p = remote(a[0]);
            for (MediaKind kind : kinds(a[1].asString())) {
                if (a[2].asBoolean()) {
                    p.startCapture(kind);
                } else {
                    p.stopCapture(kind);
                }
            }
            return null;
        });
        n.put("remotePublish", a -> {
            RemoteParticipant p = remote(a[0]);
            boolean on = a[2].asBoolean();
            CompletableFuture<?>[] steps = kinds(a[1].asString()).stream().map(kind -> {
                if (on && kind != MediaKind.SCREEN) {
                    p.startCapture(kind);
                }
                return on ? p.publish(kind) : p.unpublish(kind);
            }).toArray(CompletableFuture[]::new);
            replies.settle(CompletableFuture.allOf(steps), a[3], a[4]);
            return null;
        });
        n.put("remoteTalk", a -> {
            JsonNode o = Replies.parse(a[1].asString());
            remote(a[0]).talk(Duration.ofMillis(o.path("speaking").asLong(2000)), Duration.ofMillis(o.path("pause").asLong(2000)));
            return null;
        });
        n.put("remoteSilence", a -> {
            remote(a[0]).silence();
            return null;
        });
        n.put("remoteSubscribe", a -> {
            RemoteParticipant p = remote(a[0]);
            CompletableFuture<?>[] steps = kinds(a[2].asString()).stream()
                    .map(kind -> a[3].asBoolean() ? p.subscribe(a[1].asString(), kind) : p.unsubscribe(a[1].asString(), kind))
                    .toArray(CompletableFuture[]::new);
            replies.settle(CompletableFuture.allOf(steps), a[4], a[5]);
            return null;
        });
        n.put("remoteMedia", a -> {
            replies.settleStats(remote(a[0]).remoteMedia(a[1].asString()), a[2], a[3]);
            return null;
        });
        n.put("remoteMembers", a -> {
            ArrayNode members = JsonNodeFactory.instance.arrayNode();
            for (RoomMember m : remote(a[0]).members()) {
                ObjectNode member = members.addObject();
                member.put("userId", m.userId().value());
                member.put("local", m.local());
                member.put("speaking", m.speaking());
                member.set("state", Replies.toTree(m.state()));
            }
            return members.toString();
        });
        n.put("remoteEvents", a -> Replies.toJson(remote(a[0]).events()));
        n.put("remoteWaitFor", a -> {
            RemoteParticipant p = remote(a[0]);
            replies.waitFor(p::onEvent, p::events, (RemoteParticipant.Event e) -> true, Replies::toJson,
                    a[1].asLong(), a[2], a[3], a[4], a[5].asString());
            return null;
        });
    }

    private static List<MediaKind> kinds(String kind) {
        return switch (kind) {
            case "audio" -> List.of(MediaKind.AUDIO);
            case "video" -> List.of(MediaKind.VIDEO);
            case "screen" -> List.of(MediaKind.SCREEN);
            case "both" -> List.of(MediaKind.AUDIO, MediaKind.VIDEO);
            default -> throw new IllegalArgumentException("unknown stream kind '" + kind + "' (audio, video, screen, both)");
        };
    }
}
