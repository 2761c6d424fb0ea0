package dev.ttrtc.bridge.engine;

/**
 * How a participant joins.
 *
 * @param autoPublish publish each captured stream while its capture is on (host rule: turning a
 *     capture off then unpublishes it)
 * @param autoSubscribe receive every published stream unless unsubscribed
 * @param visible whether others see this participant; invisible ones may not publish
 */
public record RoomConfig(boolean autoPublish, boolean autoSubscribe, boolean visible) {
    public static final RoomConfig DEFAULT = new RoomConfig(true, true, true);
}
