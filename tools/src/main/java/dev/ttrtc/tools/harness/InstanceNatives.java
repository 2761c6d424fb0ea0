package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The natives behind {@code t.launch} and an instance's methods: its page, data, event log,
 * lifecycle and the media it receives and sends.
 */
final class InstanceNatives {
    private final Handles handles;
    private final Replies replies;
    private final Path baseDir;
    private final MiniProgramHost host;

    InstanceNatives(Handles handles, Replies replies, Path baseDir, MiniProgramHost host) {
        this.handles = handles;
        this.replies = replies;
        this.baseDir = baseDir;
        this.host = host;
    }

    private MiniProgram instance(ScriptValue handle) {
        return handles.get(handle, Launched.class).program();
    }

    void addTo(Map<String, ScriptFunction> n) {
        n.put("launch", a -> {
            ScriptValue owner = a[0];
            TestScope scope = handles.get(owner, TestScope.class);
            scope.requireOpen();
            LaunchOptions options = LaunchSpec.launchOptions(baseDir, a[1].asString(), Replies.parse(a[2].asString()),
                    () -> scope.server.started().signalUri());
            replies.settle(() -> {
                try {
                    MiniProgram program = host.launch(options);
                    scope.adopt(program);
                    return new Launched(program, options);
                } catch (LaunchException e) {
                    throw new CompletionException(e);
                }
            }, launched -> handles.register(launched, owner), a[3], a[4]);
            return null;
        });
        n.put("instanceId", a -> instance(a[0]).id());
        n.put("route", a -> instance(a[0]).route());
        n.put("pageData", a -> instance(a[0]).pageData().toString());
        n.put("query", a -> Replies.toJson(instance(a[0]).query()));
        n.put("pageStack", a -> Replies.toJson(instance(a[0]).pageStack()));
        n.put("lastSeq", a -> instance(a[0]).events().lastSeq());
        n.put("events", a -> {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            instance(a[0]).events().snapshot().forEach(e -> all.add(e.toJson()));
            return all.toString();
        });
        n.put("hide", a -> {
            instance(a[0]).hide();
            return null;
        });
        n.put("show", a -> {
            instance(a[0]).show();
            return null;
        });
        n.put("callPageMethod", a -> {
            JsonNode event = Replies.parse(a[2].asString());
            PageEvent pageEvent = new PageEvent(event.path("type").asText("tap"), event.get("detail"), event.get("dataset"));
            replies.settle(instance(a[0]).callPageMethod(a[1].asString(), pageEvent), JsonNode::toString, a[3], a[4]);
            return null;
        });
        n.put("evaluate", a -> {
            replies.settle(instance(a[0]).evaluate(a[1].asString()), JsonNode::toString, a[2], a[3]);
            return null;
        });
        n.put("closeInstance", a -> {
            MiniProgram program = instance(a[0]);
            replies.run(program::close, a[1], a[2]);
            return null;
        });
        n.put("media", a -> {
            RtcRoom room = MiniProgramRtc.of(instance(a[0])).currentRoom();
            replies.settleStats(room == null ? Optional.empty() : UserId.parse(a[1].asString()).flatMap(room::remoteMedia), a[2], a[3]);
            return null;
        });
        n.put("localMedia", a -> MiniProgramRtc.of(instance(a[0])).engines().stream().reduce((first, second) -> second)
                .flatMap(e -> e.engine().localMedia()).map(Replies::toJson).orElse("null"));
        n.put("waitForEvent", a -> {
            long since = a[1].asLong();
            var log = instance(a[0]).events();
            replies.waitFor(log::subscribe, log::snapshot, (HostEvent e) -> e.seq() > since, e -> e.toJson().toString(),
                    a[2].asLong(), a[3], a[4], a[5], a[6].asString());
            return null;
        });
    }
}
