package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import dev.ttrtc.bridge.simulator.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The Java participants of a run: {@code --remote} (optionally talking in turns) or a {@code --remote-script}. */
final class RemoteCast {
    /** How long each remote participant talks in its turn with --remote-talk. */
    private static final Duration TURN = Duration.ofSeconds(2);

    private final Simulator simulator;
    private final ScheduledExecutorService scheduler;
    private final EventPrinter printer;

    RemoteCast(Simulator simulator, ScheduledExecutorService scheduler, EventPrinter printer) {
        this.simulator = simulator;
        this.scheduler = scheduler;
        this.printer = printer;
    }

    /** Adds the participants and starts them, or schedules the script's steps. */
    void start(List<String> remotes, boolean talkInTurns, RemoteScript script, String room) {
        List<RemoteParticipant> all = new ArrayList<>();
        for (String remote : remotes) {
            all.add(simulator.addRemote(remote, room));
        }
        if (script != null) {
            script.users().stream().filter(u -> !remotes.contains(u)).forEach(u -> simulator.addRemote(u, room));
            for (RemoteScript.Step step : script.steps()) {
                RemoteParticipant p = simulator.remote(step.userId()).orElseThrow();
                scheduler.schedule(() -> perform(p, step), step.at().toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            RemoteParticipant p = all.get(i);
            if (talkInTurns) {
                // Turns: everyone starts silent; participant i starts talking 2 s after i-1.
                p.silence();
                scheduler.schedule(() -> p.talk(TURN, TURN.multipliedBy(Math.max(1, all.size() - 1))),
                        TURN.toMillis() * i, TimeUnit.MILLISECONDS);
            }
            p.startCapture(MediaKind.AUDIO);
            p.startCapture(MediaKind.VIDEO);
            p.join().exceptionally(e -> {
                printer.note(p.userId() + " could not join: " + reason(e));
                return null;
            });
        }
    }

    private void perform(RemoteParticipant p, RemoteScript.Step step) {
        try {
            switch (step.action()) {
                case JOIN -> p.join().join();
                case LEAVE -> p.leave().join();
                case DROP -> p.drop().join();
                case PUBLISH -> {
                    for (MediaKind kind : step.kinds()) {
                        if (kind != MediaKind.SCREEN) {
                            p.startCapture(kind);
                        }
                        p.publish(kind).join();
                    }
                }
                case UNPUBLISH -> {
                    for (MediaKind kind : step.kinds()) {
                        p.unpublish(kind).join();
                    }
                }
                case TALK -> {
                    if (step.talk() == null) {
                        p.speak();
                    } else {
                        p.talk(step.talk()[0], step.talk()[1]);
                    }
                }
                case SILENCE -> p.silence();
            }
        } catch (RuntimeException e) {
            printer.note("script line " + step.line() + " (" + step.userId() + " " + step.action().name().toLowerCase(Locale.ROOT)
                    + ") failed: " + reason(e));
        }
    }

    /** The engine's own words for a failure; anything else is the run stopping under it, never Java text. */
    private static String reason(Throwable failure) {
        return RtcException.causeOf(failure) instanceof RtcException rtc ? rtc.getMessage() : "the run was stopping";
    }
}
