package dev.ttrtc.bridge.signal.server;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.Privilege;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The moments a member's token changes what the member may do: the warning {@code tokenWarning}
 * before it expires (at once when less is left), its expiry (an expireAt of 0 still ends 7 days
 * after issue), and each expiry of a publish privilege before that. Each timer hands its work to
 * the member's room strand; the room decides.
 */
final class TokenTimers {
    /** The privileges whose expiry ends some publishing. */
    private static final Set<Privilege> PUBLISHING = EnumSet.of(Privilege.PUBLISH_STREAM,
            Privilege.PUBLISH_AUDIO_STREAM, Privilege.PUBLISH_VIDEO_STREAM);

    /** One member's pending timers. Its room's strand only. */
    static final class Handle {
        private ScheduledFuture<?> warning;
        private ScheduledFuture<?> expiry;
        private ScheduledFuture<?> privilege;

        void cancel() {
            for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {warning, expiry, privilege}) {
                if (f != null) {
                    f.cancel(false);
                }
            }
            warning = null;
            expiry = null;
            privilege = null;
        }
    }

    private final RoomThreads threads;
    private final Duration warning;

    TokenTimers(RoomThreads threads, Duration warning) {
        this.threads = threads;
        this.warning = warning;
    }

    /** (Re)starts every timer of the member's current token. Room strand only. */
    void start(Member member) {
        member.timers.cancel();
        AccessToken token = member.token;
        long expireAtMillis = token.effectiveExpireAt() * 1000;
        long untilExpiry = expireAtMillis - System.currentTimeMillis();
        Room room = member.room;
        member.timers.warning = threads.schedule(room.strand, () -> room.tokenWillExpire(member, token),
                untilExpiry - warning.toMillis());
        member.timers.expiry = threads.schedule(room.strand, () -> room.tokenExpired(member, token), untilExpiry);
        schedulePrivilegeCheck(member);
    }

    /** Schedules the next check of publishing rights, when a publish privilege expires before the token. */
    void schedulePrivilegeCheck(Member member) {
        AccessToken token = member.token;
        long now = System.currentTimeMillis();
        long next = Long.MAX_VALUE;
        for (Privilege p : PUBLISHING) {
            Long until = token.privileges().get(p);
            if (until != null && until != 0 && until * 1000 > now && until < token.effectiveExpireAt()) {
                next = Math.min(next, until * 1000);
            }
        }
        member.timers.privilege = null;
        if (next != Long.MAX_VALUE) {
            Room room = member.room;
            member.timers.privilege = threads.schedule(room.strand, () -> room.privilegesExpired(member, token), next - now);
        }
    }
}
