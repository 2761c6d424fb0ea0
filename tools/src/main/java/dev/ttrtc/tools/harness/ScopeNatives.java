package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import java.util.Map;

/** The natives of the test itself: tokens, its room server and the rooms on it, its timeout. */
final class ScopeNatives {
    private final Handles handles;
    private final Replies replies;

    ScopeNatives(Handles handles, Replies replies) {
        this.handles = handles;
        this.replies = replies;
    }

    private TestScope scope(ScriptValue handle) {
        return handles.get(handle, TestScope.class);
    }

    void addTo(Map<String, ScriptFunction> n) {
        n.put("token", a -> {
            JsonNode o = Replies.parse(a[1].asString());
            if (!o.hasNonNull("room") || !o.hasNonNull("user")) {
                throw new IllegalArgumentException("t.token({room, user, ...}) needs room and user");
            }
            long now = System.currentTimeMillis() / 1000;
            long issuedAt = now - o.path("issuedAgo").asLong(0);
            String appId = o.path("appId").asText(DevelopmentApp.APP_ID);
            AccessToken token = AccessToken.issue(appId, o.get("room").asText(), o.get("user").asText(), issuedAt,
                    o.path("expire").asLong(3600), o.path("publish").asBoolean(true));
            return token.serialize(o.path("appKey").asText(DevelopmentApp.APP_KEY));
        });
        n.put("room", a -> {
            RoomServer server = scope(a[0]).server.runningOrNull();
            String appId = a[2].isNull() ? DevelopmentApp.APP_ID : a[2].asString();
            return server == null ? "null" : server.room(appId, a[1].asString()).map(Replies::toJson).orElse("null");
        });
        n.put("serverUrl", a -> scope(a[0]).server.started().signalUri().toString());
        n.put("serverStop", a -> {
            TestScope.TestServer server = scope(a[0]).server;
            replies.run(server::stop, a[1], a[2]);
            return null;
        });
        n.put("serverStart", a -> {
            TestScope.TestServer server = scope(a[0]).server;
            replies.run(server::start, a[1], a[2]);
            return null;
        });
        n.put("serverRestart", a -> {
            TestScope.TestServer server = scope(a[0]).server;
            replies.run(() -> {
                server.stop();
                server.start();
            }, a[1], a[2]);
            return null;
        });
        n.put("setTimeout", a -> {
            scope(a[0]).timeoutMillis = a[1].asLong();
            return null;
        });
    }
}
