package dev.ttrtc.bridge.tt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.tt.GameChannelEvents.GameChannel;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mini-game {@code RtcEngine} of {@code tt.getRtcEngine}: channels are rooms, uids are user
 * ids. Failures answer {@code {errMsg, errNo, errCode}} with errCode 101 (instance released), 102
 * (call failed) or 103 (bad parameter), built by {@link RtcPayloads}. Events register as {@code onXxx(cb)} or {@code on('xxx', cb)}.
 */
final class RtcEngineFace {
    static final int DEFAULT_INDICATION_MILLIS = 200;

    static final String[] EVENTS = {"joinChannelSuccess", "rejoinChannelSuccess", "connectionLost",
        "connectionInterrupted", "userJoined", "userOffline", "userMuteAudio", "userEnableLocalAudio",
        "firstRemoteAudioFrame", "audioVolumeIndication", "networkQuality", "warning", "error"};


    private final InstanceContext instance;
    private final RtcEngine engine;
    private final Map<String, JsEventChannel> events = new LinkedHashMap<>();
    private final AtomicReference<GameChannel> channel = new AtomicReference<>();
    private final MiniProgramRtc rtc;
    private final MiniProgramRtc.Entry registration;
    private final GameReports reports;
    private volatile boolean destroyed;
    private volatile boolean remoteAudioMuted;

    RtcEngineFace(InstanceContext instance, MiniProgramRtc rtc, RtcEngine engine) {
        this.instance = instance;
        this.rtc = rtc;
        this.engine = engine;
        for (String name : EVENTS) {
            events.put(name, instance.newEventChannel(name));
        }
        this.registration = rtc.register(engine, () -> {
            GameChannel current = channel.get();
            return current == null ? null : current.room();
        });
        this.reports = new GameReports(engine, channel::get, this::emit);
    }

    JsObject build() {
        JsObjectBuilder object = instance.newObject("RtcEngine")
                // Spec: after destroy(), any call on the object fails (101 "instance released").
                .guardSync(this::checkAlive)
                .async("joinChannel", this::joinChannel)
                .async("leaveChannel", this::leaveChannel)
                .async("enableLocalAudio", call -> setLocalAudio(call, true))
                .async("disableLocalAudio", call -> setLocalAudio(call, false))
                .async("muteLocalAudioStream", call -> setPublishing(call, false))
                .async("unmuteLocalAudioStream", call -> setPublishing(call, true))
                .async("muteRemoteAudioStream", call -> setRemoteAudio(call, false))
                .async("unmuteRemoteAudioStream", call -> setRemoteAudio(call, true))
                .async("muteAllRemoteAudioStream", call -> setAllRemoteAudio(call, false))
                .async("unmuteAllRemoteAudioStream", call -> setAllRemoteAudio(call, true))
                .sync("getLocalAudioStatus", args -> localAudioStatus())
                .sync("adjustPlaybackSignalVolume", args -> {
                    engine.setPlaybackVolume(volume(args));
                    return null;
                })
                .sync("adjustRecordingSignalVolume", args -> {
                    engine.setRecordingVolume(volume(args));
                    return null;
                })
                .async("enableAudioVolumeIndication", this::enableAudioVolumeIndication)
                .sync("isSupported", args -> true)
                .sync("destroy", args -> {
                    destroy();
                    return null;
                })
                .sync("on", args -> {
                    channelNamed(args).addFrom(args, 1);
                    return null;
                })
                .sync("off", args -> {
                    channelNamed(args).removeFrom(args, 1);
                    return null;
                });
        events.forEach((name, ch) -> object.event("on" + capitalize(name), "off" + capitalize(name), ch));
        return object.build();
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private JsEventChannel channelNamed(ApiArgs args) throws ApiException {
        String name = args.string(0).orElseThrow(() -> RtcPayloads.fail(RtcError.EVENT_NAME_TYPE, args.typeOf(0)));
        JsEventChannel found = events.get(name);
        if (found == null) {
            throw RtcPayloads.fail(RtcError.UNKNOWN_EVENT, name, String.join(", ", EVENTS));
        }
        return found;
    }

    void destroy() {
        destroyed = true;
        channel.set(null);
        reports.close();
        rtc.unregister(registration);
        engine.close();
    }

    boolean isDestroyed() {
        return destroyed;
    }

    private void checkAlive() throws ApiException {
        if (destroyed) {
            throw RtcPayloads.gameFail(RtcError.INSTANCE_RELEASED);
        }
    }

    private GameChannel requireChannel() throws ApiException {
        GameChannel current = channel.get();
        if (current == null) {
            throw RtcPayloads.gameFail(RtcError.NOT_IN_A_CHANNEL);
        }
        return current;
    }

    private static String checkedId(ApiParams p, String key) throws ApiException {
        String value;
        try {
            value = p.string(key);
        } catch (ApiException e) {
            throw RtcPayloads.gameParameter(e);
        }
        if (!Ids.isValid(value)) {
            throw RtcPayloads.gameFail(RtcError.BAD_PARAMETER, RtcError.INVALID_ID_PARAMETER.detail("params." + key, value));
        }
        return value;
    }

    private static void answer(ApiCall call, CompletableFuture<?> done) {
        done.whenComplete((v, error) -> {
            if (error == null) {
                call.succeed();
            } else {
                call.fail(RtcPayloads.gameFail(error));
            }
        });
    }

    private void emit(String event, ObjectNode payload) {
        events.get(event).emit(payload);
    }

    // ---- methods (loop thread) ----------------------------------------------------------------------

    private void joinChannel(ApiCall call) throws ApiException {
        ApiParams p = call.params();
        String channelId = checkedId(p, "channelId");
        String uid = checkedId(p, "uid");
        String token;
        try {
            token = p.string("token");
        } catch (ApiException e) {
            throw RtcPayloads.gameParameter(e);
        }
        checkAlive();
        GameChannel already = channel.get();
        if (already != null) {
            throw RtcPayloads.gameFail(RtcError.ALREADY_IN_CHANNEL, already.uid(), already.channelId());
        }
        if (!WireText.isSendableToken(token)) {
            // No server could accept it: it cannot even be sent in a join message.
            throw RtcPayloads.gameFail(RtcError.CALL_FAILED, RtcError.INVALID_TOKEN.detail());
        }
        RtcRoom room = engine.createRoom(RoomId.of(channelId));
        GameChannel joining = new GameChannel(room, channelId, uid, System.currentTimeMillis());
        // Only this loop thread sets it (engine threads only clear it), and it was empty above.
        channel.set(joining);
        room.setRoomEventHandler(new GameChannelEvents(joining, new GameChannelEvents.Face() {
            @Override
            public boolean isCurrent(GameChannel bound) {
                return channel.get() == bound;
            }

            @Override
            public boolean interrupted(GameChannel bound) {
                return channel.compareAndSet(bound, null);
            }

            @Override
            public boolean remoteAudioMuted() {
                return remoteAudioMuted;
            }
        }, this::emit));
        room.join(token, UserId.of(uid), RoomConfig.DEFAULT).whenComplete((v, error) -> {
            if (error != null) {
                channel.compareAndSet(joining, null);
                room.destroy();
                call.fail(RtcPayloads.gameFail(error));
                return;
            }
            call.succeed();
            emit("joinChannelSuccess", RtcPayloads.gameJoined(channelId, uid, joining.elapsedMillis()));
        });
    }

    private void leaveChannel(ApiCall call) throws ApiException {
        checkAlive();
        GameChannel current = requireChannel();
        channel.compareAndSet(current, null);
        answer(call, current.room().destroy());
    }

    private void setLocalAudio(ApiCall call, boolean on) throws ApiException {
        checkAlive();
        if (on && !instance.isGranted("scope.record")) {
            throw RtcPayloads.gameFail(RtcError.RECORD_DENIED);
        }
        if (on) {
            engine.startAudioCapture();
        } else {
            engine.stopAudioCapture();
        }
        call.succeed();
    }

    private void setPublishing(ApiCall call, boolean on) throws ApiException {
        checkAlive();
        RtcRoom room = requireChannel().room();
        answer(call, on ? room.publishStream(MediaKind.AUDIO) : room.unpublishStream(MediaKind.AUDIO));
    }

    private void setRemoteAudio(ApiCall call, boolean on) throws ApiException {
        UserId uid = UserId.of(checkedId(call.params(), "uid"));
        checkAlive();
        RtcRoom room = requireChannel().room();
        answer(call, on ? room.subscribeStream(uid, MediaKind.AUDIO) : room.unsubscribeStream(uid, MediaKind.AUDIO));
    }

    private void setAllRemoteAudio(ApiCall call, boolean on) throws ApiException {
        checkAlive();
        RtcRoom room = requireChannel().room();
        remoteAudioMuted = !on;
        answer(call, CompletableFuture.allOf(room.members().stream().filter(m -> !m.local())
                .map(m -> on ? room.subscribeStream(m.userId(), MediaKind.AUDIO) : room.unsubscribeStream(m.userId(), MediaKind.AUDIO))
                .toArray(CompletableFuture[]::new)));
    }

    /** A volume argument: {@code v} or {@code {volume: v}}, an integer from 0 to 200. */
    private int volume(ApiArgs args) throws ApiException {
        OptionalDouble value = args.number(0);
        if (value.isEmpty() && args.params(0).isPresent() && args.params(0).get().has("volume")) {
            value = OptionalDouble.of(args.params(0).get().number("volume"));
        }
        if (value.isEmpty() || value.getAsDouble() != Math.rint(value.getAsDouble())
                || value.getAsDouble() < 0 || value.getAsDouble() > 200) {
            throw RtcPayloads.gameFail(RtcError.VOLUME_RANGE, args.describe(0));
        }
        return (int) value.getAsDouble();
    }

    /**
     * Starts (or with an interval of 0 or less, stops) {@code audioVolumeIndication} events:
     * every interval, each audible member's volume (0–255) and the loudest as totalVolume.
     */
    private void enableAudioVolumeIndication(ApiCall call) throws ApiException {
        double interval;
        try {
            interval = call.params().optionalNumber("interval").orElse(DEFAULT_INDICATION_MILLIS);
        } catch (ApiException e) {
            throw RtcPayloads.gameParameter(e);
        }
        checkAlive();
        reports.indicateVolumes(interval);
        call.succeed();
    }

    /** Host rule: {@code {enabled, muted, inChannel}} — capture on, not sending, joined. */
    private ObjectNode localAudioStatus() {
        GameChannel current = channel.get();
        boolean sending = current != null && current.room().members().stream()
                .anyMatch(m -> m.local() && m.publishes(MediaKind.AUDIO));
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("enabled", engine.isCapturing(MediaKind.AUDIO));
        status.put("muted", !sending);
        status.put("inChannel", current != null && current.room().isJoined());
        return status;
    }
}
