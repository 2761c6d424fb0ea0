package dev.ttrtc.bridge.tt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.engine.ConnectionState;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.errors.RtcError;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Turns one channel's room events into the mini-game's events ({@code userJoined},
 * {@code userOffline}, {@code userMuteAudio}, …) while that channel is the engine's channel.
 * Engine thread.
 */
final class GameChannelEvents implements RoomEventHandler {

    /** What the events need of the engine face. */
    interface Face {
        /** Whether this channel is still the face's channel. */
        boolean isCurrent(GameChannel channel);

        /** Leaves {@code channel} after an interruption; false when it was no longer the face's channel. */
        boolean interrupted(GameChannel channel);

        /** Whether every remote audio stream is muted (new members join muted too). */
        boolean remoteAudioMuted();
    }

    /** The channel an engine is in (or joining). */
    record GameChannel(RtcRoom room, String channelId, String uid, long joinStartedMillis) {
        long elapsedMillis() {
            return System.currentTimeMillis() - joinStartedMillis;
        }
    }

    private final GameChannel bound;
    private final Face face;
    private final BiConsumer<String, ObjectNode> emit;

    GameChannelEvents(GameChannel bound, Face face, BiConsumer<String, ObjectNode> emit) {
        this.bound = bound;
        this.face = face;
        this.emit = emit;
    }

    private boolean current() {
        return face.isCurrent(bound);
    }

    private void emitIf(BooleanSupplier when, String event, ObjectNode payload) {
        if (when.getAsBoolean()) {
            emit.accept(event, payload);
        }
    }

    @Override
    public void onRoomStateChanged(RoomId roomId, UserId userId, int state, int joinType) {
        if (joinType == 1 && current()) {
            emit.accept("rejoinChannelSuccess", RtcPayloads.gameJoined(bound.channelId(), bound.uid(), bound.elapsedMillis()));
        }
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state) {
        if (state == ConnectionState.RECONNECTING) {
            emitIf(this::current, "connectionInterrupted", RtcPayloads.gameEmpty());
        } else if (state == ConnectionState.LOST) {
            emitIf(this::current, "connectionLost", RtcPayloads.gameEmpty());
        }
    }

    @Override
    public void onUserJoined(UserId userId) {
        if (!current()) {
            return;
        }
        if (face.remoteAudioMuted()) {
            bound.room().unsubscribeStream(userId, MediaKind.AUDIO);
        }
        emit.accept("userJoined", RtcPayloads.gameUser(userId.value()).put("elapsed", bound.elapsedMillis()));
    }

    @Override
    public void onUserLeave(UserId userId, UserLeaveReason reason) {
        int code = reason == UserLeaveReason.DROPPED || reason == UserLeaveReason.KICKED ? 1 : 0;
        emitIf(this::current, "userOffline", RtcPayloads.gameUser(userId.value()).put("reason", code));
    }

    @Override
    public void onUserPublishStream(UserId userId, MediaKind kind) {
        if (kind == MediaKind.AUDIO) {
            emitIf(this::current, "userMuteAudio", RtcPayloads.gameUser(userId.value()).put("muted", false));
        }
    }

    @Override
    public void onUserUnpublishStream(UserId userId, MediaKind kind) {
        if (kind == MediaKind.AUDIO) {
            emitIf(this::current, "userMuteAudio", RtcPayloads.gameUser(userId.value()).put("muted", true));
        }
    }

    @Override
    public void onUserCaptureChanged(UserId userId, MediaKind kind, boolean capturing) {
        if (kind == MediaKind.AUDIO && !userId.value().equals(bound.uid())) {
            emitIf(this::current, "userEnableLocalAudio", RtcPayloads.gameUser(userId.value()).put("enabled", capturing));
        }
    }

    @Override
    public void onFirstRemoteAudioFrame(UserId userId) {
        emitIf(this::current, "firstRemoteAudioFrame", RtcPayloads.gameUser(userId.value()).put("elapsed", bound.elapsedMillis()));
    }

    /** Host rule: a {@code warning}, as the channel goes on (the local audio now reads as muted). */
    @Override
    public void onPublishRevoked(RtcError reason, String message) {
        emitIf(this::current, "warning", RtcPayloads.gameError(reason, message));
    }

    @Override
    public void onRoomInterrupted(RtcError reason, String message) {
        if (face.interrupted(bound)) {
            emit.accept("error", RtcPayloads.gameError(reason, message));
            bound.room().destroy();
        }
    }

    @Override
    public void onRoomError(RtcError error, String message) {
        emitIf(this::current, "warning", RtcPayloads.gameError(error, message));
    }
}
