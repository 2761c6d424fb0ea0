package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.Ids;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tt-host token}: prints a "001" token for a room and user. */
@Command(name = "token", description = "Print a Volcengine-compatible \"001\" token for a room and a user.")
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--app-id", required = true, description = "The 24-character appId.")
    String appId;

    @Option(names = "--app-key", required = true, description = "The app's key (signs the token).")
    String appKey;

    @Option(names = "--room", required = true, description = "The room the token admits to.")
    String room;

    @Option(names = "--user", required = true, description = "The user the token admits.")
    String user;

    @Option(names = "--expire", defaultValue = "86400", paramLabel = "SECONDS",
            description = "Lifetime in seconds, at most 604800 (7 days); 0 = never expires. Default: ${DEFAULT-VALUE}.")
    long expire;

    @Option(names = "--no-publish", description = "Admit the user to listen only (no publish privilege).")
    boolean noPublish;

    @Override
    public Integer call() {
        if (appId.length() != AccessToken.APP_ID_LENGTH) {
            throw new UserError("--app-id must be " + AccessToken.APP_ID_LENGTH + " characters, got " + appId.length());
        }
        if (!Ids.isValid(room)) {
            throw new UserError("--room must be " + RtcError.ID_RULE);
        }
        if (!Ids.isValid(user)) {
            throw new UserError("--user must be " + RtcError.ID_RULE);
        }
        if (expire < 0 || expire > AccessToken.MAX_LIFETIME_SECONDS) {
            throw new UserError("--expire must be from 0 to " + AccessToken.MAX_LIFETIME_SECONDS + " seconds");
        }
        String token = AccessToken.issue(appId, room, user, System.currentTimeMillis() / 1000, expire, !noPublish)
                .serialize(appKey);
        spec.commandLine().getOut().println(token);
        return 0;
    }
}
