package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.signal.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A schedule for remote participants, one step per line: {@code <at> <user> <action> [kind]},
 * for example {@code 2s bob publish video}. Actions: join, leave, drop, publish, unpublish
 * (kind audio, video, screen or both), talk (speech; optionally {@code talk 2s/3s} for 2 s of
 * speech then 3 s of silence, repeated), silence. {@code #} starts a comment.
 */
record RemoteScript(List<Step> steps) {

    enum Action { JOIN, LEAVE, DROP, PUBLISH, UNPUBLISH, TALK, SILENCE }

    /**
     * @param talk for TALK: speech then pause; null for continuous speech
     */
    record Step(Duration at, String userId, Action action, List<MediaKind> kinds, Duration[] talk, int line) {
    }

    static RemoteScript read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserError("cannot read remote script " + file + ": " + FileProblems.why(file, e));
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).replaceFirst("#.*", "").trim();
            if (!text.isEmpty()) {
                steps.add(parse(file, i + 1, text));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return new RemoteScript(List.copyOf(steps));
    }

    /** The users the script mentions, in order of first mention. */
    Set<String> users() {
        Set<String> users = new LinkedHashSet<>();
        steps.forEach(s -> users.add(s.userId()));
        return users;
    }

    private static Step parse(Path file, int line, String text) {
        String[] words = text.split("\\s+");
        String where = file + ":" + line + ": ";
        if (words.length < 3) {
            throw new UserError(where + "expected '<at> <user> <action> [kind]', got '" + text + "'");
        }
        if (!Ids.isValid(words[1])) {
            throw new UserError(where + "'" + words[1] + "' is not a valid user id (" + RtcError.ID_RULE + ")");
        }
        Duration at;
        try {
            at = DurationConverter.parse(words[0]);
        } catch (RuntimeException e) {
            throw new UserError(where + "'" + words[0] + "' is not a time such as 2s or 1500ms");
        }
        Action action;
        try {
            action = Action.valueOf(words[2].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(where + "unknown action '" + words[2] + "' (join, leave, drop, publish, unpublish, talk, silence)");
        }
        List<MediaKind> kinds = List.of();
        if (action == Action.PUBLISH || action == Action.UNPUBLISH) {
            if (words.length < 4) {
                throw new UserError(where + action.name().toLowerCase(Locale.ROOT) + " needs a kind: audio, video, screen or both");
            }
            kinds = switch (words[3]) {
                case "audio" -> List.of(MediaKind.AUDIO);
                case "video" -> List.of(MediaKind.VIDEO);
                case "screen" -> List.of(MediaKind.SCREEN);
                case "both" -> List.of(MediaKind.AUDIO, MediaKind.VIDEO);
                default -> throw new UserError(where + "unknown kind '" + words[3] + "' (audio, video, screen, both)");
            };
        }
        Duration[] talk = null;
        if (action == Action.TALK && words.length >= 4) {
            String[] parts = words[3].split("/");
            try {
                talk = new Duration[] {DurationConverter.parse(parts[0]), DurationConverter.parse(parts.length > 1 ? parts[1] : "0s")};
            } catch (RuntimeException e) {
                throw new UserError(where + "talk takes SPEAK/PAUSE such as 2s/3s, got '" + words[3] + "'");
            }
        }
        return new Step(at, words[1], action, kinds, talk, line);
    }
}
