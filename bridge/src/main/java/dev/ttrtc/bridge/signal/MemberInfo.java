package dev.ttrtc.bridge.signal;

import java.util.Objects;

/** A room member as others see it. */
public record MemberInfo(String userId, MediaState state, boolean speaking) {
    public MemberInfo {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(state, "state");
    }
}
