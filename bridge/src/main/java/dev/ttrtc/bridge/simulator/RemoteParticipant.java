package dev.ttrtc.bridge.simulator;

import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.ConnectionState;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.engine.RoomEventHandler;
import dev.ttrtc.bridge.engine.RoomId;
import dev.ttrtc.bridge.engine.RoomMember;
import dev.ttrtc.bridge.engine.RtcEngine;
import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.engine.UserLeaveReason;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.signal.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A Java participant from "another platform": an engine in a room, driven by the CLI, the
 * simulator page or test scripts. It records what it sees as {@link Event}s.
 *
 * <p>Lifecycle: {@link #join()}, act, {@link #leave()} (or {@link #drop()}), {@link #close()}.
 * The room can be joined again after a leave.
 */
public final class RemoteParticipant implements AutoCloseable {

    /**
     * Something this participant saw, for logs and tests.
     *
     * @param name for example {@code userJoined}, {@code userLeave}, {@code interrupted}
     * @param userId the member it concerns, or this participant's own id
     * @param detail a short description (a reason, a stream kind), may be empty
     */
    public record Event(long timeMillis, String name, String userId, String detail) {
    }

    private final String userId;
    private final String roomId;
    private final String token;
    private final RoomConfig config;
    private final RtcEngine engine;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
    private volatile RtcRoom room;
    private volatile String microphone = "speech";

    /**
     * @param server the room server's engine configuration (server URI and appId)
     * @param roomId the room to join
     * @param userId this participant's user id
     * @param token a token for that room and user
     * @param config how to join (autoPublish, autoSubscribe, visibility)
     */
    public RemoteParticipant(EngineConfig server, String roomId, String userId, String token, RoomConfig config) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.roomId = Objects.requireNonNull(roomId, "roomId");
        this.token = Objects.requireNonNull(token, "token");
        this.config = Objects.requireNonNull(config, "config");
        this.engine = RtcEngine.create(server);
    }

    public String userId() {
        return userId;
    }

    public String roomId() {
        return roomId;
    }

    public RtcEngine engine() {
        return engine;
    }

    /**
     * Joins the room (a fresh room object each time, so a participant can rejoin after leaving).
     * Ids that break the rule fail the join ({@link RtcError#INVALID_IDS}), as the room server would.
     */
    public CompletableFuture<Void> join() {
        if (!Ids.isValid(roomId) || !Ids.isValid(userId)) {
            record("join", userId, roomId);
            return CompletableFuture.failedFuture(RtcException.of(RtcError.INVALID_IDS));
        }
        RtcRoom fresh = engine.createRoom(RoomId.of(roomId));
        fresh.setRoomEventHandler(new Recorder());
        room = fresh;
        record("join", userId, roomId);
        return fresh.join(token, UserId.of(userId), config);
    }

    public CompletableFuture<Void> leave() {
        RtcRoom current = room;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        record("leave", userId, roomId);
        return current.destroy();
    }

    /** Vanishes without leaving, as a crashed client would. */
    public CompletableFuture<Void> drop() {
        RtcRoom current = room;
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        record("drop", userId, roomId);
        return current.dropConnection();
    }

    /** Turns the capture of {@code kind} on: with autoPublish (the default) it is then published. */
    public void startCapture(MediaKind kind) {
        if (kind == MediaKind.AUDIO) {
            engine.startAudioCapture();
        } else if (kind == MediaKind.VIDEO) {
            engine.startVideoCapture();
        }
    }

    public void stopCapture(MediaKind kind) {
        if (kind == MediaKind.AUDIO) {
            engine.stopAudioCapture();
        } else if (kind == MediaKind.VIDEO) {
            engine.stopVideoCapture();
        }
    }

    /** Speaks without pause (the shipped recording, looped); the microphone is switched on. */
    public void speak() {
        engine.setAudioInput(AudioInput.speech());
        microphone = "speech";
        record("talk", userId, "continuous");
        startCapture(MediaKind.AUDIO);
    }

    /**
     * Talks: speech for {@code speaking}, silence for {@code pause}, repeated (the microphone is
     * switched on; with autoPublish it is then published).
     */
    public void talk(Duration speaking, Duration pause) {
        engine.setAudioInput(AudioInput.talkPattern(AudioInput.speech(), speaking, pause));
        microphone = "talk " + speaking.toMillis() + "ms/" + pause.toMillis() + "ms";
        record("talk", userId, speaking.toMillis() + "ms/" + pause.toMillis() + "ms");
        startCapture(MediaKind.AUDIO);
    }

    /** Keeps the microphone on but sends silence. */
    public void silence() {
        engine.setAudioInput(AudioInput.silence());
        microphone = "silence";
        record("silence", userId, "");
    }

    /** What the microphone sends: {@code speech}, {@code silence} or {@code talk <on>ms/<off>ms}. */
    public String microphone() {
        return microphone;
    }

    public CompletableFuture<Void> publish(MediaKind kind) {
        record("publish", userId, kind.name().toLowerCase());
        return requireRoom().publishStream(kind);
    }

    public CompletableFuture<Void> unpublish(MediaKind kind) {
        record("unpublish", userId, kind.name().toLowerCase());
        return requireRoom().unpublishStream(kind);
    }

    /** Receives a member's stream again (needed without autoSubscribe, or after unsubscribing). */
    public CompletableFuture<Void> subscribe(String fromUserId, MediaKind kind) {
        return toMember(fromUserId, kind, (room, member) -> room.subscribeStream(member, kind));
    }

    /** Stops receiving a member's stream. */
    public CompletableFuture<Void> unsubscribe(String fromUserId, MediaKind kind) {
        return toMember(fromUserId, kind, (room, member) -> room.unsubscribeStream(member, kind));
    }

    /** A stream request to a member; an id that breaks the rule is nobody in the room, as the engine answers for strangers. */
    private CompletableFuture<Void> toMember(String memberId, MediaKind kind, BiFunction<RtcRoom, UserId, CompletableFuture<Void>> request) {
        RtcRoom current = requireRoom();
        return UserId.parse(memberId).map(member -> request.apply(current, member)).orElseGet(() -> CompletableFuture.failedFuture(
                RtcException.of(kind == MediaKind.SCREEN ? RtcError.SCREEN_NOT_A_MEMBER : RtcError.NOT_A_MEMBER, memberId)));
    }

    /** Renews the room's token (what it grants applies at once; the room server stops what it no longer allows). */
    public CompletableFuture<Void> updateToken(String newToken) {
        record("updateToken", userId, "");
        return requireRoom().updateToken(newToken);
    }

    public CompletableFuture<Void> setVisible(boolean visible) {
        return requireRoom().setUserVisibility(visible);
    }

    private RtcRoom requireRoom() {
        RtcRoom current = room;
        if (current == null || !current.isJoined()) {
            throw new IllegalStateException(userId + " is not in a room");
        }
        return current;
    }

    public boolean isJoined() {
        RtcRoom current = room;
        return current != null && current.isJoined();
    }

    /** The members this participant sees, itself included while visible. */
    public List<RoomMember> members() {
        RtcRoom current = room;
        return current == null ? List.of() : current.members();
    }

    /** What this participant receives from a member. */
    public Optional<RemoteMedia> remoteMedia(String fromUserId) {
        RtcRoom current = room;
        return current == null ? Optional.empty() : UserId.parse(fromUserId).flatMap(current::remoteMedia);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * Calls {@code listener} for every event from now on (on the thread that saw it, usually the
     * engine thread; keep it quick). Close the result to stop.
     */
    public AutoCloseable onEvent(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void record(String name, String about, String detail) {
        Event event = new Event(System.currentTimeMillis(), name, about, detail);
        events.add(event);
        listeners.forEach(l -> l.accept(event));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Records the room's events. Called on the engine thread. */
    private final class Recorder implements RoomEventHandler {
        @Override
        public void onRoomStateChanged(RoomId room, UserId id, int state, int joinType) {
            record(joinType == 1 ? "rejoined" : "joined", id.value(), room.value());
        }

        @Override
        public void onConnectionStateChanged(ConnectionState state) {
            record("connection", userId, state.name().toLowerCase());
        }

        @Override
        public void onUserJoined(UserId id) {
            record("userJoined", id.value(), "");
        }

        @Override
        public void onUserLeave(UserId id, UserLeaveReason reason) {
            record("userLeave", id.value(), reason.name().toLowerCase(Locale.ROOT));
        }

        @Override
        public void onUserPublishStream(UserId id, MediaKind kind) {
            record("userPublish", id.value(), kind.name().toLowerCase());
        }

        @Override
        public void onUserUnpublishStream(UserId id, MediaKind kind) {
            record("userUnpublish", id.value(), kind.name().toLowerCase());
        }

        @Override
        public void onUserSpeakingChanged(UserId id, boolean speaking) {
            record(speaking ? "speakingStarted" : "speakingStopped", id.value(), "");
        }

        @Override
        public void onTokenWillExpire() {
            record("tokenWillExpire", userId, "");
        }

        @Override
        public void onPublishRevoked(RtcError reason, String message) {
            record("publishRevoked", userId, reason.code() + " " + message);
        }

        @Override
        public void onRoomInterrupted(RtcError reason, String message) {
            record("interrupted", userId, reason.code() + " " + message);
        }

        @Override
        public void onRoomError(RtcError error, String message) {
            record("error", userId, error.code() + " " + message);
        }
    }
}
