package dev.ttrtc.bridge.engine;

/** A visible member of a joined room, as this participant sees it. */
public record RoomMember(UserId userId, boolean local, MemberState state, boolean speaking) {

    public boolean publishes(MediaKind kind) {
        return switch (kind) {
            case AUDIO -> state.audioPublished();
            case VIDEO -> state.videoPublished();
            case SCREEN -> state.screenPublished();
        };
    }
}
