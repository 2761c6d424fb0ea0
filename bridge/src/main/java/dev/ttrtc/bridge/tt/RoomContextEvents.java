package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.ConnectionState;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.runtime.api.JsEventChannel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns one room's engine events into a room context's JS events (the member lists,
 * {@code onRtcStateChanged}, {@code onRtcChatInterrupted}, {@code onRoomTokenWillExpire}) while
 * that room is the context's room. Engine thread.
 */
final class RoomContextEvents implements RoomEventHandler {
    private final RoomMembership bound;
    private final AtomicReference<RoomMembership> membership;
    private final RoomLists lists;
    private final JsEventChannel stateChanged;
    private final JsEventChannel interrupted;
    private final JsEventChannel tokenWillExpire;

    RoomContextEvents(RoomMembership bound, AtomicReference<RoomMembership> membership, RoomLists lists,
            JsEventChannel stateChanged, JsEventChannel interrupted, JsEventChannel tokenWillExpire) {
        this.bound = bound;
        this.membership = membership;
        this.lists = lists;
        this.stateChanged = stateChanged;
        this.interrupted = interrupted;
        this.tokenWillExpire = tokenWillExpire;
    }

    private boolean current() {
        return membership.get() == bound;
    }

    private void refresh() {
        if (current() && bound.live) {
            lists.update(bound.room.members());
        }
    }

    @Override
    public void onRoomStateChanged(RoomId roomId, UserId userId, int state, int joinType) {
        if (joinType == 1) {
            refresh();
        }
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state) {
        if (!current()) {
            return;
        }
        if (state == ConnectionState.RECONNECTING) {
            stateChanged.emit(RtcPayloads.state(RtcError.RECONNECTING, bound.room.roomId().value()));
        } else if (state == ConnectionState.RECONNECTED) {
            stateChanged.emit(RtcPayloads.state(RtcError.RECONNECTED, bound.room.roomId().value()));
            refresh();
        }
    }

    @Override
    public void onUserJoined(UserId userId) {
        refresh();
    }

    @Override
    public void onUserLeave(UserId userId, UserLeaveReason reason) {
        refresh();
    }

    @Override
    public void onUserPublishStream(UserId userId, MediaKind kind) {
        refresh();
    }

    @Override
    public void onUserUnpublishStream(UserId userId, MediaKind kind) {
        refresh();
    }

    @Override
    public void onUserSpeakingChanged(UserId userId, boolean speaking) {
        refresh();
    }

    @Override
    public void onLocalPublishChanged(MediaKind kind, boolean published) {
        refresh();
    }

    @Override
    public void onLocalVisibilityChanged(boolean visible) {
        refresh();
    }

    /** Host rule: after the list events, {@code onRtcStateChanged} says why the publishing stopped. */
    @Override
    public void onPublishRevoked(RtcError reason, String message) {
        if (current()) {
            stateChanged.emit(RtcPayloads.state(reason, message, bound.room.roomId().value()));
        }
    }

    @Override
    public void onTokenWillExpire() {
        if (current()) {
            tokenWillExpire.emit(null);
        }
    }

    @Override
    public void onRoomInterrupted(RtcError reason, String message) {
        if (!membership.compareAndSet(bound, null)) {
            return;
        }
        interrupted.emit(RtcPayloads.interrupted(reason, message));
        if (reason == RtcError.TOKEN_EXPIRED) {
            stateChanged.emit(RtcPayloads.state(reason, message, bound.room.roomId().value()));
        }
        bound.room.destroy();
    }

    @Override
    public void onRoomError(RtcError error, String message) {
        if (current()) {
            stateChanged.emit(RtcPayloads.state(error, message, bound.room.roomId().value()));
        }
    }
}
