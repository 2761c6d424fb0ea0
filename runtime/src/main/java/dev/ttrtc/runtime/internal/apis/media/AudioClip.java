package dev.ttrtc.runtime.internal.apis.media;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The playback state of one InnerAudioContext, driven by real time on the instance's loop:
 * {@code currentTime} advances with the clock while playing, {@code onTimeUpdate} fires every
 * {@link #TICK} and {@code onEnded} when the duration has passed (or playback restarts with
 * {@code loop}). Nothing is heard. Loop thread only.
 */
final class AudioClip {
    /** Host choice: how often onTimeUpdate fires while playing. */
    static final Duration TICK = Duration.ofMillis(250);
    static final String[] EVENTS = {"Canplay", "Play", "Pause", "Stop", "Ended", "TimeUpdate", "Error", "Waiting",
            "Seeking", "Seeked"};

    private final InstanceContext instance;
    private final Map<String, JsEventChannel> channels = new LinkedHashMap<>();
    String src = "";
    boolean autoplay;
    boolean loop;
    boolean obeyMuteSwitch = true;
    double volume = 1;
    double startTime;
    private double duration;
    private boolean loaded;
    private boolean playWhenLoaded;
    private boolean playing;
    private boolean destroyed;
    private double position;
    private long startedNanos;
    private int generation;
    private InstanceContext.Cancellable tick;
    private InstanceContext.Cancellable end;

    AudioClip(InstanceContext instance) {
        this.instance = instance;
        for (String event : EVENTS) {
            channels.put(event, instance.newEventChannel("InnerAudioContext.on" + event));
        }
    }

    JsEventChannel channel(String event) {
        return channels.get(event);
    }

    double duration() {
        return duration;
    }

    boolean paused() {
        return !playing;
    }

    double buffered() {
        return loaded ? duration : 0;
    }

    /** The position in seconds, kept to 6 decimals as the platform documents. */
    double currentTime() {
        double now = playing ? Math.min(duration, position + (System.nanoTime() - startedNanos) / 1e9) : position;
        return Math.round(now * 1e6) / 1e6;
    }

    /** A new source: playback stops, and the file opens on a later turn (onCanplay, or onError). */
    void setSrc(String newSrc) {
        if (destroyed) {
            return;
        }
        halt();
        src = newSrc;
        loaded = false;
        duration = 0;
        position = 0;
        int opening = ++generation;
        instance.loop().execute(() -> load(opening));
    }

    private void load(int opening) {
        if (opening != generation || destroyed) {
            return;
        }
        try {
            duration = AudioSource.open(instance.projectDir(), src).duration();
            loaded = true;
            position = Math.min(startTime, duration);
            emit("Canplay");
            if (autoplay || playWhenLoaded) {
                playWhenLoaded = false;
                play();
            }
        } catch (AudioSource.Failure failure) {
            playWhenLoaded = false;
            channels.get("Error").emit(JsonNodeFactory.instance.objectNode()
                    .put("errMsg", failure.getMessage()).put("errCode", failure.errCode));
        }
    }

    void play() {
        if (destroyed || playing) {
            return;
        }
        if (!loaded) {
            playWhenLoaded = true;
            return;
        }
        if (position >= duration) {
            position = 0;
        }
        playing = true;
        startedNanos = System.nanoTime();
        emit("Play");
        schedule();
    }

    void pause() {
        if (playing) {
            position = currentTime();
            halt();
            emit("Pause");
        }
    }

    void stop() {
        playWhenLoaded = false;
        if (loaded && !destroyed) {
            halt();
            position = 0;
            emit("Stop");
        }
    }

    void seek(double seconds) {
        if (!loaded || destroyed) {
            return;
        }
        emit("Seeking");
        boolean wasPlaying = playing;
        halt();
        position = Math.max(0, Math.min(duration, seconds));
        if (wasPlaying) {
            playing = true;
            startedNanos = System.nanoTime();
            schedule();
        }
        emit("Seeked");
    }

    void destroy() {
        halt();
        destroyed = true;
        generation++;
        channels.values().forEach(JsEventChannel::clear);
    }

    private void schedule() {
        int playback = generation;
        tick = instance.schedule(TICK, () -> onTick(playback));
        long remainingNanos = (long) ((duration - position) * 1e9);
        end = instance.schedule(Duration.ofNanos(Math.max(0, remainingNanos)), () -> onEnd(playback));
    }

    private void onTick(int playback) {
        if (playing && playback == generation) {
            emit("TimeUpdate");
            tick = instance.schedule(TICK, () -> onTick(playback));
        }
    }

    private void onEnd(int playback) {
        if (!playing || playback != generation) {
            return;
        }
        halt();
        position = duration;
        emit("TimeUpdate");
        if (loop) {
            position = 0;
            play();
        } else {
            emit("Ended");
        }
    }

    /** Stops the clock and the timers without an event. */
    private void halt() {
        if (playing) {
            position = currentTime();
        }
        playing = false;
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        if (end != null) {
            end.cancel();
            end = null;
        }
    }

    private void emit(String event) {
        channels.get(event).emit(null);
    }
}
