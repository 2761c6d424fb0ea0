package dev.ttrtc.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.bridge.errors.RtcError;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RoomEventHandler} that records every call (on the engine thread) and hands them out in
 * order with a deadline: {@link #next()}, {@link #assertNext}, {@link #awaitNext} (skipping others).
 */
final class RecordingRoomEventHandler implements RoomEventHandler {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One call: the method's name without "on", and its arguments. */
    record Event(String name, List<Object> args) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private void record(String name, Object... args) {
        events.add(new Event(name, Arrays.asList(args)));
    }

    /** The next call, within {@link #TIMEOUT}. */
    Event next() throws InterruptedException {
        Event event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no room event within " + TIMEOUT.toSeconds() + " s");
        }
        return event;
    }

    /** The next call must be {@code name} with these arguments. */
    void assertNext(String name, Object... args) throws InterruptedException {
        assertEquals(new Event(name, Arrays.asList(args)), next());
    }

    /** Skips calls until one named {@code name}; returns it. */
    Event awaitNext(String name) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + name + " within " + TIMEOUT.toSeconds() + " s");
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    @Override
    public void onRoomStateChanged(String roomId, String userId, int state, int joinType) {
        record("RoomStateChanged", roomId, userId, state, joinType);
    }

    @Override
    public void onConnectionStateChanged(ConnectionState state) {
        record("ConnectionStateChanged", state);
    }

    @Override
    public void onUserJoined(String userId) {
        record("UserJoined", userId);
    }

    @Override
    public void onUserLeave(String userId, UserLeaveReason reason) {
        record("UserLeave", userId, reason);
    }

    @Override
    public void onUserPublishStream(String userId, MediaKind kind) {
        record("UserPublishStream", userId, kind);
    }

    @Override
    public void onUserUnpublishStream(String userId, MediaKind kind) {
        record("UserUnpublishStream", userId, kind);
    }

    @Override
    public void onUserCaptureChanged(String userId, MediaKind kind, boolean capturing) {
        record("UserCaptureChanged", userId, kind, capturing);
    }

    @Override
    public void onUserSpeakingChanged(String userId, boolean speaking) {
        record("UserSpeakingChanged", userId, speaking);
    }

    @Override
    public void onFirstRemoteAudioFrame(String userId) {
        record("FirstRemoteAudioFrame", userId);
    }

    @Override
    public void onFirstRemoteVideoFrameDecoded(String userId, MediaKind kind, int width, int height) {
        record("FirstRemoteVideoFrameDecoded", userId, kind, width, height);
    }

    @Override
    public void onLocalPublishChanged(MediaKind kind, boolean published) {
        record("LocalPublishChanged", kind, published);
    }

    @Override
    public void onPublishRevoked(RtcError reason, String message) {
        record("PublishRevoked", reason, message);
    }

    @Override
    public void onLocalVisibilityChanged(boolean visible) {
        record("LocalVisibilityChanged", visible);
    }

    @Override
    public void onTokenWillExpire() {
        record("TokenWillExpire");
    }

    @Override
    public void onRoomInterrupted(RtcError reason, String message) {
        record("RoomInterrupted", reason, message);
    }

    @Override
    public void onRoomError(RtcError error, String message) {
        record("RoomError", error, message);
    }
}
