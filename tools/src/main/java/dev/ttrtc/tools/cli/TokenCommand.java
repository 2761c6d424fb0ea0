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
@Command(name = "token", mixinStandardHelpOptions = true, usageHelpWidth = 100, showDefaultValues = true, sortOptions = false,
        description = "Print a Volcengine-compatible \"001\" token for a room and a user.",
        footer = {"%nExamples:",
                "  tt-host token --app-id 5f0c3d7e9a1b2c4d6e8f0a1b --app-key tt-rtc-host-development-key --room demo --user me",
                "  tt-host token --app-id 0123456789abcdef01234567 --app-key MY_KEY --room r1 --user bob --expire 600 --no-publish",
                "%nExit codes: 0 printed, 2 a bad flag."})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--app-id", required = true, paramLabel = "ID", description = "The 24-character appId. Example: --app-id 5f0c3d7e9a1b2c4d6e8f0a1b (the development app)")
    String appId;

    @Option(names = "--app-key", required = true, paramLabel = "KEY", description = "The app's key (signs the token). Example: --app-key tt-rtc-host-development-key")
    String appKey;

    @Option(names = "--room", required = true, paramLabel = "ROOM", description = "The room the token admits to. Example: --room demo")
    String room;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The user the token admits. Example: --user me")
    String user;

    @Option(names = "--expire", defaultValue = "86400", paramLabel = "SECONDS",
            description = "Lifetime in seconds, at most 604800 (7 days); 0 = never expires. Example: --expire 600")
    long expire;

    @Option(names = "--no-publish", description = "Admit the user to listen only (no publish privilege).")
    boolean noPublish;

    @Override
    public Integer call() {
        if (!Ids.isValidAppId(appId)) {
            throw new UserError("--app-id must be " + Ids.APP_ID_RULE + ", got " + appId.length());
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
