package dev.ttrtc.bridge.signal.server;

import java.time.Duration;

/**
 * The room server's limits and timings.
 *
 * @param heartbeatTimeout a connection silent this long is dead; its member is then removed
 *     (clients ping every 500 ms, so others learn of a vanished client within this plus one sweep)
 * @param sweepInterval how often dead connections and members are looked for
 * @param maxVisibleMembers visible members per room (Volcengine's default 50)
 * @param maxPublishers members publishing anything per room (Volcengine's default 30)
 * @param tokenWarning how long before a token expires its member is told
 * @param maxMessagesPerSecond sustained messages a second one connection may send (bursts of twice that)
 * @param maxErrors bad messages tolerated within {@code errorWindow} before disconnecting
 * @param errorWindow see maxErrors
 */
public record ServerSettings(Duration heartbeatTimeout, Duration sweepInterval, int maxVisibleMembers,
        int maxPublishers, Duration tokenWarning, int maxMessagesPerSecond, int maxErrors, Duration errorWindow) {

    public static ServerSettings defaults() {
        return new ServerSettings(Duration.ofMillis(2000), Duration.ofMillis(200), 50, 30, Duration.ofSeconds(30),
                200, 20, Duration.ofSeconds(10));
    }

    public ServerSettings withMaxVisibleMembers(int max) {
        return new ServerSettings(heartbeatTimeout, sweepInterval, max, maxPublishers, tokenWarning,
                maxMessagesPerSecond, maxErrors, errorWindow);
    }

    public ServerSettings withMaxPublishers(int max) {
        return new ServerSettings(heartbeatTimeout, sweepInterval, maxVisibleMembers, max, tokenWarning,
                maxMessagesPerSecond, maxErrors, errorWindow);
    }
}
