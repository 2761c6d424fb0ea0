package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.CameraFacing;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The JS {@code RtcRoomContext}: parameter checks and payloads over an {@link RtcEngine}. A context
 * is in at most one room at a time; once destroyed (a newer context of the instance replaced it,
 * or the instance closed) every method fails with 115910.
 */
final class RtcRoomContextFace {
    private static final String[] STREAM_TYPES = {"audio", "video", "both"};

    private final InstanceContext instance;
    private final RtcEngine engine;
    private final JsEventChannel membersChanged;
    private final JsEventChannel videoMembersChanged;
    private final JsEventChannel speakersChanged;
    private final JsEventChannel screenMembersChanged;
    private final JsEventChannel interrupted;
    private final JsEventChannel stateChanged;
    private final JsEventChannel tokenWillExpire;
    private final RoomLists lists;
    private final AtomicReference<RoomMembership> membership = new AtomicReference<>();
    private final MiniProgramRtc rtc;
    private final MiniProgramRtc.Entry registration;
    // Loop thread.
    private final PreJoinChoices beforeJoin = new PreJoinChoices();
    private volatile boolean destroyed;

    RtcRoomContextFace(InstanceContext instance, MiniProgramRtc rtc, RtcEngine engine) {
        this.instance = instance;
        this.rtc = rtc;
        this.engine = engine;
        this.membersChanged = instance.newEventChannel("onRtcChatMembersChanged");
        this.videoMembersChanged = instance.newEventChannel("onRtcVideoMembersChanged");
        this.speakersChanged = instance.newEventChannel("onRtcChatSpeakersChanged");
        this.screenMembersChanged = instance.newEventChannel("onRtcPublishScreenMembersChanged");
        this.interrupted = instance.newEventChannel("onRtcChatInterrupted");
        this.stateChanged = instance.newEventChannel("onRtcStateChanged");
        this.tokenWillExpire = instance.newEventChannel("onRoomTokenWillExpire");
        this.lists = new RoomLists(membersChanged, videoMembersChanged, speakersChanged, screenMembersChanged);
        this.registration = rtc.register(engine, () -> {
            RoomMembership current = membership.get();
            return current == null ? null : current.room;
        });
    }

    JsObject build() {
        return instance.newObject("RtcRoomContext")
                .async("joinRtcRoom", this::joinRtcRoom)
                .async("exitRtcRoom", this::exitRtcRoom)
                .async("changeAudioCapture", call -> changeCapture(call, MediaKind.AUDIO))
                .async("changeVideoCapture", call -> changeCapture(call, MediaKind.VIDEO))
                .async("changeStreamPublishState", this::changeStreamPublishState)
                .async("changeStreamSubscribeState", this::changeStreamSubscribeState)
                .async("changeScreenSubscribeState", this::changeScreenSubscribeState)
                .async("switchCamera", this::switchCamera)
                .async("changeUserVisibility", this::changeUserVisibility)
                .async("updateToken", this::updateToken)
                .async("setAudioPlaybackDevice", this::setAudioPlaybackDevice)
                .async("setVideoEncoderConfig", this::setVideoEncoderConfig)
                .event("onRtcChatMembersChanged", "offRtcChatMembersChanged", membersChanged)
                .event("onRtcVideoMembersChanged", "offRtcVideoMembersChanged", videoMembersChanged)
                .event("onRtcChatSpeakersChanged", "offRtcChatSpeakersChanged", speakersChanged)
                .event("onRtcPublishScreenMembersChanged", "offRtcPublishScreenMembersChanged", screenMembersChanged)
                .event("onRtcChatInterrupted", "offRtcChatInterrupted", interrupted)
                .event("onRtcStateChanged", "offRtcStateChanged", stateChanged)
                .event("onRtcStateChange", "offRtcStateChange", stateChanged)
                .event("onRoomTokenWillExpire", "offRoomTokenWillExpire", tokenWillExpire)
                .build();
    }

    /** Leaves any room and releases the engine; later calls fail with 115910. */
    void destroy() {
        destroyed = true;
        membership.set(null);
        beforeJoin.clear();
        rtc.unregister(registration);
        engine.close();
    }

    boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() throws ApiException {
        if (destroyed) {
            throw RtcPayloads.fail(RtcError.ENGINE_DESTROYED);
        }
    }

    private RoomMembership requireRoom() throws ApiException {
        RoomMembership current = membership.get();
        if (current == null) {
            throw RtcPayloads.fail(RtcError.NOT_IN_A_ROOM);
        }
        return current;
    }

    private static String id(ApiParams p, String key) throws ApiException {
        String value = p.string(key);
        if (!Ids.isValid(value)) {
            throw RtcPayloads.fail(RtcError.INVALID_ID_PARAMETER, p.path() + "." + key, value);
        }
        return value;
    }

    /** Answers the call when the future completes: success, or the error's fail payload. */
    private static void answer(ApiCall call, CompletableFuture<?> done) {
        done.whenComplete((v, error) -> {
            if (error == null) {
                call.succeed();
            } else {
                call.fail(RtcPayloads.fail(error));
            }
        });
    }

    // ---- methods (loop thread) --------------------------------------------------------------------

    private void joinRtcRoom(ApiCall call) throws ApiException {
        ApiParams p = call.params();
        String roomId = id(p, "roomId");
        String userId = id(p, "userId");
        String token = p.string("token");
        ApiParams roomConfig = p.optionalObject("roomConfig").orElse(null);
        boolean autoPublish = roomConfig == null || roomConfig.optionalBool("autoPublish", true);
        boolean autoSubscribe = roomConfig == null || roomConfig.optionalBool("autoSubscribe", true);
        checkAlive();
        RoomMembership already = membership.get();
        if (already != null) {
            throw RtcPayloads.fail(RtcError.ALREADY_IN_ROOM, already.userId, already.room.roomId());
        }
        if (!WireText.isSendableToken(token)) {
            // No server could accept it: it cannot even be sent in a join message.
            throw RtcPayloads.fail(RtcError.INVALID_TOKEN);
        }
        RtcRoom room = engine.createRoom(RoomId.of(roomId));
        RoomMembership joining = new RoomMembership(room, userId);
        // Only this loop thread sets it (engine threads only clear it), and it was empty above.
        membership.set(joining);
        room.setRoomEventHandler(new RoomContextEvents(joining, membership, lists, stateChanged, interrupted, tokenWillExpire));
        beforeJoin.applyTo(room);
        room.join(token, UserId.of(userId), new RoomConfig(autoPublish, autoSubscribe, true)).whenComplete((v, error) -> {
            if (error != null) {
                membership.compareAndSet(joining, null);
                room.destroy();
                call.fail(RtcPayloads.fail(error));
            } else if (membership.get() == joining) {
                instance.loop().execute(beforeJoin::clear);
                call.succeed();
                lists.reset();
                joining.live = true;
                lists.update(room.members());
            } else {
                call.succeed();
            }
        });
    }

    private void exitRtcRoom(ApiCall call) throws ApiException {
        String roomId = id(call.params(), "roomId");
        checkAlive();
        RoomMembership current = requireRoom();
        if (!current.room.roomId().value().equals(roomId)) {
            throw RtcPayloads.fail(RtcError.NOT_IN_THAT_ROOM, roomId);
        }
        membership.compareAndSet(current, null);
        answer(call, current.room.destroy());
    }

    private void changeCapture(ApiCall call, MediaKind kind) throws ApiException {
        int state = call.params().intOneOf("state", 0, 1);
        checkAlive();
        if (state == 1) {
            String scope = kind == MediaKind.AUDIO ? "scope.record" : "scope.camera";
            if (!instance.isGranted(scope)) {
                RtcError noPermission = kind == MediaKind.AUDIO ? RtcError.NO_MICROPHONE_PERMISSION : RtcError.NO_CAMERA_PERMISSION;
                RoomMembership current = membership.get();
                stateChanged.emit(RtcPayloads.state(noPermission, current == null ? null : current.room.roomId().value()));
                throw RtcPayloads.fail(RtcError.AUTH_DENY);
            }
        }
        if (kind == MediaKind.AUDIO) {
            if (state == 1) {
                engine.startAudioCapture();
            } else {
                engine.stopAudioCapture();
            }
        } else if (state == 1) {
            engine.startVideoCapture();
        } else {
            engine.stopVideoCapture();
        }
        call.succeed();
    }

    private static List<MediaKind> kinds(String streamType) {
        return switch (streamType) {
            case "audio" -> List.of(MediaKind.AUDIO);
            case "video" -> List.of(MediaKind.VIDEO);
            default -> List.of(MediaKind.AUDIO, MediaKind.VIDEO);
        };
    }

    /**
     * A change of the room (by target, e.g. "publish/AUDIO"): made on the room when the context has
     * one, answered once applied; else kept for the next join and answered at once.
     */
    private void roomChange(ApiCall call, Map<String, Function<RtcRoom, CompletableFuture<Void>>> changes) throws ApiException {
        RoomMembership current = membership.get();
        if (current != null) {
            answer(call, CompletableFuture.allOf(changes.values().stream().map(change -> change.apply(current.room))
                    .toArray(CompletableFuture[]::new)));
            return;
        }
        for (Map.Entry<String, Function<RtcRoom, CompletableFuture<Void>>> change : changes.entrySet()) {
            beforeJoin.put(change.getKey(), room -> change.getValue().apply(room));
        }
        call.succeed();
    }

    private void changeStreamPublishState(ApiCall call) throws ApiException {
        ApiParams p = call.params();
        int state = p.intOneOf("state", 0, 1);
        String streamType = p.stringOneOf("streamType", STREAM_TYPES);
        checkAlive();
        Map<String, Function<RtcRoom, CompletableFuture<Void>>> changes = new LinkedHashMap<>();
        for (MediaKind kind : kinds(streamType)) {
            changes.put("publish/" + kind, room -> state == 1 ? room.publishStream(kind) : room.unpublishStream(kind));
        }
        roomChange(call, changes);
    }

    private void changeStreamSubscribeState(ApiCall call) throws ApiException {
        ApiParams p = call.params();
        int state = p.intOneOf("state", 0, 1);
        UserId userId = UserId.of(id(p, "userId"));
        String streamType = p.stringOneOf("streamType", STREAM_TYPES);
        checkAlive();
        Map<String, Function<RtcRoom, CompletableFuture<Void>>> changes = new LinkedHashMap<>();
        for (MediaKind kind : kinds(streamType)) {
            changes.put("subscribe/" + kind + "/" + userId.value(),
                    room -> state == 1 ? room.subscribeStream(userId, kind) : room.unsubscribeStream(userId, kind));
        }
        roomChange(call, changes);
    }

    private void changeScreenSubscribeState(ApiCall call) throws ApiException {
        ApiParams p = call.params();
        int state = p.has("state") ? p.intOneOf("state", 0, 1) : 0;
        UserId userId = UserId.of(id(p, "userId"));
        p.optionalStringOneOf("streamType", "both", STREAM_TYPES);
        checkAlive();
        roomChange(call, Map.of("subscribe/" + MediaKind.SCREEN + "/" + userId.value(), room -> state == 1
                ? room.subscribeStream(userId, MediaKind.SCREEN) : room.unsubscribeStream(userId, MediaKind.SCREEN)));
    }

    private void switchCamera(ApiCall call) throws ApiException {
        String camera;
        try {
            camera = call.params().stringOneOf("camera", "back", "front");
        } catch (ApiException e) {
            throw RtcPayloads.retag(e, RtcError.SWITCH_CAMERA_PARAMETER);
        }
        checkAlive();
        engine.switchCamera(camera.equals("back") ? CameraFacing.BACK : CameraFacing.FRONT);
        call.succeed();
    }

    private void changeUserVisibility(ApiCall call) throws ApiException {
        boolean visible = call.params().bool("visible");
        checkAlive();
        // Volcengine's setUserVisibility may be called before joining too; the join then uses it.
        roomChange(call, Map.of("visibility", room -> room.setUserVisibility(visible)));
    }

    private void updateToken(ApiCall call) throws ApiException {
        String token = call.params().string("token");
        checkAlive();
        RtcRoom room = requireRoom().room;
        if (AccessToken.claimedAppId(token) == null || !WireText.isSendableToken(token)) {
            throw RtcPayloads.fail(RtcError.UPDATE_TOKEN_INVALID);
        }
        answer(call, room.updateToken(token));
    }

    /** Checked and accepted: a headless host plays remote audio through no speaker. */
    private void setAudioPlaybackDevice(ApiCall call) throws ApiException {
        call.params().stringOneOf("device", "speakerphone", "earpiece");
        checkAlive();
        call.succeed();
    }

    private void setVideoEncoderConfig(ApiCall call) throws ApiException {
        ApiParams solution = call.params().object("maxSolution");
        int width = dimension(solution, "width", 16, 1920);
        int height = dimension(solution, "height", 16, 1920);
        int frameRate = dimension(solution, "frameRate", 1, 60);
        checkAlive();
        engine.setVideoEncoderConfig(new VideoEncoderConfig(width & ~1, height & ~1, frameRate));
        call.succeed();
    }

    private static int dimension(ApiParams p, String key, int min, int max) throws ApiException {
        double value = p.number(key);
        if (value != Math.rint(value) || value < min || value > max) {
            throw RtcPayloads.fail(RtcError.INTEGER_RANGE, p.path() + "." + key, min, max,
                    value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
        }
        return (int) value;
    }
}
