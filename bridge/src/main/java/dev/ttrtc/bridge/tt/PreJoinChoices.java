package dev.ttrtc.bridge.tt;

import dev.ttrtc.bridge.engine.RtcRoom;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.runtime.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Room changes a context accepted before {@code joinRtcRoom} (publish, subscribe, visibility):
 * the latest per target, handed to the room just before it joins, which applies them when the
 * join completes. They wait until a join succeeds: after a failed join the next one gets them. Host rule, after the official sample flow (capture, publish, then join, each
 * awaited): outside a room these calls succeed at once. At most {@link #LIMIT} targets wait (a
 * page choosing a subscription for every user id it can make up gets a fail payload instead).
 * Loop thread only.
 */
final class PreJoinChoices {
    static final int LIMIT = 256;

    private final Map<String, Consumer<RtcRoom>> choices = new LinkedHashMap<>();

    /** Keeps {@code choice} for {@code target} (e.g. "publish/AUDIO"), replacing an earlier one. */
    void put(String target, Consumer<RtcRoom> choice) throws ApiException {
        if (!choices.containsKey(target) && choices.size() >= LIMIT) {
            throw RtcPayloads.fail(RtcError.TOO_MANY_CHOICES_BEFORE_JOIN, LIMIT);
        }
        choices.remove(target);
        choices.put(target, choice);
    }

    /** Hands every choice to {@code room} (not joined yet), in the order they were made. */
    void applyTo(RtcRoom room) {
        choices.values().forEach(choice -> choice.accept(room));
    }

    void clear() {
        choices.clear();
    }
}
