package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.ReconnectPolicy;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.tt.MiniProgramRtc;
import dev.ttrtc.bridge.tt.RtcSettings;
import dev.ttrtc.runtime.ApiMock;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.ScriptError;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import dev.ttrtc.runtime.UserAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Java side of the {@code t} object: launches instances, creates Java participants, mints
 * tokens, inspects and restarts the room server. Objects reach JS as integer handles. Natives run
 * on the driver's loop thread; slow work goes to a worker pool and answers back on the loop.
 */
final class TestHost {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptContext script;
    private final Path baseDir;
    private final MiniProgramHost host;
    private final Executor workers;
    // Loop thread only.
    private final Map<Integer, Object> handles = new HashMap<>();
    // Loop thread only.
    private int nextHandle = 1;

    TestHost(ScriptContext script, Path baseDir, MiniProgramHost host, Executor workers) {
        this.script = script;
        this.baseDir = baseDir;
        this.host = host;
        this.workers = workers;
    }

    int register(Object object) {
        int handle = nextHandle++;
        handles.put(handle, object);
        return handle;
    }

    void forget(int handle) {
        handles.remove(handle);
    }

    private <T> T get(ScriptValue handle, Class<T> type) {
        Object object = handles.get(handle.asInt());
        if (!type.isInstance(object)) {
            throw new IllegalStateException("stale handle " + handle + " (the test that made it has ended)");
        }
        return type.cast(object);
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    /** Runs slow work off the loop and answers the JS promise on the loop. */
    private <T> void settle(Supplier<T> work, Function<T, Object> toJs, ScriptValue resolve, ScriptValue reject) {
        CompletableFuture.supplyAsync(work, workers).whenComplete((value, error) -> script.execute(() -> {
            if (error == null) {
                resolve.call(toJs.apply(value));
            } else {
                reject.call(describe(error));
            }
        }));
    }

    private void settleFuture(CompletableFuture<?> future, ScriptValue resolve, ScriptValue reject) {
        future.whenComplete((value, error) -> script.execute(() -> {
            if (error == null) {
                resolve.call();
            } else {
                reject.call(describe(error));
            }
        }));
    }

    static String describe(Throwable error) {
        Throwable cause = RtcException.causeOf(error);
        if (cause instanceof RtcException rtc) {
            return rtc.error().code() + " " + rtc.detail();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The natives {@code harness.js} calls, by name. */
    Map<String, ScriptFunction> natives() {
        Map<String, ScriptFunction> natives = new HashMap<>();
        instanceNatives(natives);
        remoteNatives(natives);
        scopeNatives(natives);
        return natives;
    }

    // ---- instances --------------------------------------------------------------------------------

    private void instanceNatives(Map<String, ScriptFunction> n) {
        n.put("launch", a -> {
            TestScope scope = get(a[0], TestScope.class);
            LaunchOptions options = launchOptions(scope, a[1].asString(), parse(a[2].asString()));
            settle(() -> {
                try {
                    MiniProgram program = host.launch(options);
                    scope.adopt(program);
                    return program;
                } catch (LaunchException e) {
                    throw new CompletionException(e);
                }
            }, this::register, a[3], a[4]);
            return null;
        });
        n.put("instanceId", a -> get(a[0], MiniProgram.class).id());
        n.put("route", a -> get(a[0], MiniProgram.class).route());
        n.put("pageData", a -> get(a[0], MiniProgram.class).pageData().toString());
        n.put("query", a -> toJson(get(a[0], MiniProgram.class).query()));
        n.put("pageStack", a -> toJson(get(a[0], MiniProgram.class).pageStack()));
        n.put("lastSeq", a -> get(a[0], MiniProgram.class).events().lastSeq());
        n.put("events", a -> {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            get(a[0], MiniProgram.class).events().snapshot().forEach(e -> all.add(e.toJson()));
            return all.toString();
        });
        n.put("hide", a -> {
            get(a[0], MiniProgram.class).hide();
            return null;
        });
        n.put("show", a -> {
            get(a[0], MiniProgram.class).show();
            return null;
        });
        n.put("callPageMethod", a -> {
            MiniProgram program = get(a[0], MiniProgram.class);
            JsonNode event = parse(a[2].asString());
            PageEvent pageEvent = new PageEvent(event.path("type").asText("tap"), event.get("detail"), event.get("dataset"));
            settleJson(program.callPageMethod(a[1].asString(), pageEvent), a[3], a[4]);
            return null;
        });
        n.put("evaluate", a -> {
            settleJson(get(a[0], MiniProgram.class).evaluate(a[1].asString()), a[2], a[3]);
            return null;
        });
        n.put("closeInstance", a -> {
            MiniProgram program = get(a[0], MiniProgram.class);
            settle(() -> {
                program.close();
                return null;
            }, v -> null, a[1], a[2]);
            return null;
        });
        n.put("media", a -> {
            MiniProgram program = get(a[0], MiniProgram.class);
            RtcRoom room = MiniProgramRtc.of(program).currentRoom();
            settleStats(room == null ? java.util.Optional.empty() : room.remoteMedia(a[1].asString()), a[2], a[3]);
            return null;
        });
        n.put("localMedia", a -> {
            MiniProgram program = get(a[0], MiniProgram.class);
            return MiniProgramRtc.of(program).engines().stream().reduce((first, second) -> second)
                    .flatMap(e -> e.engine().localMedia()).map(TestHost::toJson).orElse("null");
        });
        n.put("waitForEvent", a -> {
            waitForEvent(get(a[0], MiniProgram.class).events(), a[1].asLong(), a[2].asLong(), a[3], a[4], a[5], a[6].asString());
            return null;
        });
    }

    private void settleJson(CompletableFuture<JsonNode> future, ScriptValue resolve, ScriptValue reject) {
        future.whenComplete((value, error) -> script.execute(() -> {
            if (error == null) {
                resolve.call(value.toString());
            } else {
                Throwable cause = RtcException.causeOf(error);
                reject.call(cause instanceof ScriptError ? cause.getMessage() : describe(cause));
            }
        }));
    }

    private LaunchOptions launchOptions(TestScope scope, String projectDir, JsonNode o) {
        LaunchOptions.Builder b = LaunchOptions.builder(baseDir.resolve(projectDir).normalize())
                .name(o.path("name").asText("app"));
        if (o.hasNonNull("page")) {
            b.page(o.get("page").asText());
        }
        JsonNode query = o.get("query");
        if (query != null && query.isTextual()) {
            b.query(LaunchOptions.parseQuery(query.asText()));
        } else if (query != null && query.isObject()) {
            query.fields().forEachRemaining(e -> b.query(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        if (o.hasNonNull("systemInfo")) {
            b.systemInfo(SystemInfo.defaults().withAll(o.get("systemInfo")));
        }
        if (o.hasNonNull("modal")) {
            b.modalConfirms(!"cancel".equals(o.get("modal").asText()));
        }
        if (o.hasNonNull("actionSheet")) {
            b.actionSheetAnswer(o.get("actionSheet").asInt());
        }
        if (o.hasNonNull("network")) {
            b.networkType(o.get("network").asText());
        }
        if (o.hasNonNull("user")) {
            b.user(user(o.get("user")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("authorize").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> scopeAnswer = it.next();
            if (!scopeAnswer.getValue().asBoolean(true)) {
                b.deny(scopeAnswer.getKey());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("mocks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> mock = it.next();
            b.mock(mock.getKey(), mock.getValue().has("js") ? ApiMock.js(mock.getValue().get("js").asText())
                    : ApiMock.result(mock.getValue().get("result")));
        }
        if (o.path("rtc").asBoolean(true)) {
            RtcSettings settings = RtcSettings.of(scope.server.started().signalUri());
            settings = settings.withMedia(mediaConfig(o));
            if (o.has("reconnectGiveUpMs")) {
                settings = settings.withReconnect(new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500),
                        Duration.ofMillis(o.get("reconnectGiveUpMs").asLong())));
            }
            b.extension(RtcSettings.class, settings);
        }
        return b.build();
    }

    /** The simulated user of {@code t.launch(dir, {user: {...}})}: the fields of {@link UserAccount}, the profile flattened. */
    private static UserAccount user(JsonNode u) {
        UserAccount account = UserAccount.defaults();
        if (u.hasNonNull("openId")) {
            account = account.withOpenId(u.get("openId").asText());
        }
        account = account.withLoggedIn(u.path("loggedIn").asBoolean(account.loggedIn()))
                .withAcceptsLogin(u.path("acceptsLogin").asBoolean(account.acceptsLogin()))
                .withSession(u.path("hasSession").asBoolean(account.hasSession()));
        if (u.hasNonNull("sessionKey")) {
            account = account.withSessionKey(u.get("sessionKey").asText());
        }
        UserAccount.Profile p = account.profile();
        return account.withProfile(new UserAccount.Profile(u.path("nickName").asText(p.nickName()),
                u.path("avatarUrl").asText(p.avatarUrl()), u.path("gender").asInt(p.gender()), u.path("city").asText(p.city()),
                u.path("province").asText(p.province()), u.path("country").asText(p.country()),
                u.path("language").asText(p.language())));
    }

    /**
     * The media of an instance or participant: {@code media: false} is the signalling-only mode
     * (for tests of membership with many participants); {@code microphone} picks what is sent
     * (see {@link #audioInput}).
     */
    private static MediaConfig mediaConfig(JsonNode o) {
        if (!o.path("media").asBoolean(true)) {
            return MediaConfig.SIGNALLING_ONLY;
        }
        return o.has("microphone") ? MediaConfig.DEFAULT.withMicrophone(audioInput(o.get("microphone"))) : MediaConfig.DEFAULT;
    }

    /** {@code 'speech'}, {@code 'silence'}, {@code {tone: hertz}} or {@code {talk: {speaking: ms, pause: ms}}}. */
    static AudioInput audioInput(JsonNode spec) {
        if (spec.isTextual() && spec.asText().equals("speech")) {
            return AudioInput.speech();
        }
        if (spec.isTextual() && spec.asText().equals("silence")) {
            return AudioInput.silence();
        }
        if (spec.has("tone")) {
            return AudioInput.tone(spec.get("tone").asDouble(), spec.path("dbfs").asDouble(-20));
        }
        if (spec.has("talk")) {
            return AudioInput.talkPattern(AudioInput.speech(), Duration.ofMillis(spec.get("talk").path("speaking").asLong(2000)),
                    Duration.ofMillis(spec.get("talk").path("pause").asLong(2000)));
        }
        throw new IllegalArgumentException("microphone: 'speech', 'silence', {tone: hertz} or {talk: {speaking, pause}}, got " + spec);
    }

    private void settleStats(java.util.Optional<RemoteMedia> media, ScriptValue resolve, ScriptValue reject) {
        if (media.isEmpty()) {
            script.execute(() -> resolve.call("null"));
            return;
        }
        media.get().stats().whenComplete((stats, error) -> script.execute(() -> {
            if (error == null) {
                resolve.call(toJson(stats));
            } else {
                reject.call(describe(error));
            }
        }));
    }

    /**
     * Answers with the first entry after {@code since} that passes {@code test}, or rejects after
     * {@code timeoutMillis}. Subscribes before scanning what is there, so nothing slips between.
     */
    private void waitForEvent(EventLog log, long since, long timeoutMillis, ScriptValue test, ScriptValue resolve, ScriptValue reject,
            String description) {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong checked = new AtomicLong(since);
        AutoCloseable[] subscription = new AutoCloseable[1];
        long[] timer = new long[1];
        Function<HostEvent, Boolean> offer = event -> {
            if (done.get() || event.seq() <= checked.get()) {
                return false;
            }
            checked.set(event.seq());
            String json = event.toJson().toString();
            if (test.call(json).asBoolean() && done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                script.clearTimer(timer[0]);
                resolve.call(json);
                return true;
            }
            return false;
        };
        subscription[0] = log.subscribe(event -> script.execute(() -> offer.apply(event)));
        timer[0] = script.setTimer(() -> {
            if (done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                reject.call("timed out after " + timeoutMillis + " ms waiting for " + description);
            }
        }, timeoutMillis, false);
        for (HostEvent event : log.snapshot()) {
            if (offer.apply(event)) {
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Java participants --------------------------------------------------------------------------

    private void remoteNatives(Map<String, ScriptFunction> n) {
        n.put("remote", a -> {
            TestScope scope = get(a[0], TestScope.class);
            String userId = a[1].asString();
            JsonNode o = parse(a[2].asString());
            String roomId = o.path("roomId").asText("room");
            String appId = o.path("appId").asText(DevelopmentApp.APP_ID);
            String token = o.hasNonNull("token") ? o.get("token").asText()
                    : AccessToken.issue(appId, roomId, userId, System.currentTimeMillis() / 1000,
                            o.path("expire").asLong(3600), o.path("publish").asBoolean(true))
                            .serialize(o.path("appKey").asText(DevelopmentApp.APP_KEY));
            RoomConfig config = new RoomConfig(o.path("autoPublish").asBoolean(true), o.path("autoSubscribe").asBoolean(true),
                    o.path("visible").asBoolean(true));
            EngineConfig engine = EngineConfig.of(scope.server.started().signalUri(), appId, userId)
                    .withMedia(mediaConfig(o));
            RemoteParticipant participant = new RemoteParticipant(engine, roomId, userId, token, config);
            scope.adopt(participant);
            return register(participant);
        });
        n.put("remoteUserId", a -> get(a[0], RemoteParticipant.class).userId());
        n.put("remoteJoin", a -> {
            settleFuture(get(a[0], RemoteParticipant.class).join(), a[1], a[2]);
            return null;
        });
        n.put("remoteLeave", a -> {
            settleFuture(get(a[0], RemoteParticipant.class).leave(), a[1], a[2]);
            return null;
        });
        n.put("remoteDrop", a -> {
            settleFuture(get(a[0], RemoteParticipant.class).drop(), a[1], a[2]);
            return null;
        });
        n.put("remoteVisible", a -> {
            settleFuture(get(a[0], RemoteParticipant.class).setVisible(a[1].asBoolean()), a[2], a[3]);
            return null;
        });
        n.put("remoteCapture", a -> {
            RemoteParticipant p = get(a[0], RemoteParticipant.class);
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
            RemoteParticipant p = get(a[0], RemoteParticipant.class);
            boolean on = a[2].asBoolean();
            List<MediaKind> kinds = kinds(a[1].asString());
            CompletableFuture<?>[] steps = kinds.stream().map(kind -> {
                if (on && kind != MediaKind.SCREEN) {
                    p.startCapture(kind);
                }
                return on ? p.publish(kind) : p.unpublish(kind);
            }).toArray(CompletableFuture[]::new);
            settleFuture(CompletableFuture.allOf(steps), a[3], a[4]);
            return null;
        });
        n.put("remoteTalk", a -> {
            JsonNode o = parse(a[1].asString());
            get(a[0], RemoteParticipant.class).talk(Duration.ofMillis(o.path("speaking").asLong(2000)),
                    Duration.ofMillis(o.path("pause").asLong(2000)));
            return null;
        });
        n.put("remoteSilence", a -> {
            get(a[0], RemoteParticipant.class).silence();
            return null;
        });
        n.put("remoteSubscribe", a -> {
            RemoteParticipant p = get(a[0], RemoteParticipant.class);
            List<CompletableFuture<Void>> steps = kinds(a[2].asString()).stream()
                    .map(kind -> a[3].asBoolean() ? p.subscribe(a[1].asString(), kind) : p.unsubscribe(a[1].asString(), kind)).toList();
            settleFuture(CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)), a[4], a[5]);
            return null;
        });
        n.put("remoteMedia", a -> {
            settleStats(get(a[0], RemoteParticipant.class).remoteMedia(a[1].asString()), a[2], a[3]);
            return null;
        });
        n.put("remoteMembers", a -> {
            ArrayNode members = JsonNodeFactory.instance.arrayNode();
            for (RoomMember m : get(a[0], RemoteParticipant.class).members()) {
                ObjectNode member = members.addObject();
                member.put("userId", m.userId());
                member.put("local", m.local());
                member.put("speaking", m.speaking());
                member.set("state", JSON.valueToTree(m.state()));
            }
            return members.toString();
        });
        n.put("remoteEvents", a -> toJson(get(a[0], RemoteParticipant.class).events()));
        n.put("remoteWaitFor", a -> {
            remoteWaitFor(get(a[0], RemoteParticipant.class), a[1].asLong(), a[2], a[3], a[4], a[5].asString());
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

    private void remoteWaitFor(RemoteParticipant p, long timeoutMillis, ScriptValue test, ScriptValue resolve, ScriptValue reject, String description) {
        AtomicBoolean done = new AtomicBoolean();
        AutoCloseable[] subscription = new AutoCloseable[1];
        long[] timer = new long[1];
        Function<RemoteParticipant.Event, Boolean> offer = event -> {
            if (done.get()) {
                return false;
            }
            String json = toJson(event);
            if (test.call(json).asBoolean() && done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                script.clearTimer(timer[0]);
                resolve.call(json);
                return true;
            }
            return false;
        };
        List<RemoteParticipant.Event> seen = p.events();
        subscription[0] = p.onEvent(event -> script.execute(() -> offer.apply(event)));
        timer[0] = script.setTimer(() -> {
            if (done.compareAndSet(false, true)) {
                closeQuietly(subscription[0]);
                reject.call("timed out after " + timeoutMillis + " ms waiting for " + description);
            }
        }, timeoutMillis, false);
        for (RemoteParticipant.Event event : seen) {
            if (offer.apply(event)) {
                return;
            }
        }
    }

    // ---- tokens, rooms, the server ---------------------------------------------------------------------

    private void scopeNatives(Map<String, ScriptFunction> n) {
        n.put("token", a -> {
            JsonNode o = parse(a[1].asString());
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
            RoomServer server = get(a[0], TestScope.class).server.runningOrNull();
            String appId = a[2].isNull() ? DevelopmentApp.APP_ID : a[2].asString();
            return server == null ? "null" : server.room(appId, a[1].asString()).map(TestHost::toJson).orElse("null");
        });
        n.put("serverUrl", a -> get(a[0], TestScope.class).server.started().signalUri().toString());
        n.put("serverStop", a -> {
            TestScope scope = get(a[0], TestScope.class);
            settle(() -> {
                scope.server.stop();
                return null;
            }, v -> null, a[1], a[2]);
            return null;
        });
        n.put("serverStart", a -> {
            TestScope scope = get(a[0], TestScope.class);
            settle(() -> {
                scope.server.start();
                return null;
            }, v -> null, a[1], a[2]);
            return null;
        });
        n.put("serverRestart", a -> {
            TestScope scope = get(a[0], TestScope.class);
            settle(() -> {
                scope.server.stop();
                scope.server.start();
                return null;
            }, v -> null, a[1], a[2]);
            return null;
        });
        n.put("setTimeout", a -> {
            get(a[0], TestScope.class).timeoutMillis = a[1].asLong();
            return null;
        });
    }
}
