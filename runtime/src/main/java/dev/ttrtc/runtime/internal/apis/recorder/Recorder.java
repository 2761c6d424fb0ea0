package dev.ttrtc.runtime.internal.apis.recorder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsValues;
import dev.ttrtc.runtime.api.MicrophoneStream;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The instance's one RecorderManager. Its state (idle, recording, paused) lives on the loop
 * thread, where JS calls it; the audio is taken on the capture thread {@code tt-recorder-<id>}
 * (made on the first start), which catches up with the clock every {@link #TICK}, writes the
 * temp file and emits the events, so that frames recorded before a pause or stop reach JS before
 * onPause or onStop. Closing the instance stops the thread and drops the recording silently.
 */
final class Recorder {
    /** Host choice: how often the capture thread takes what the clock says was recorded. */
    static final Duration TICK = Duration.ofMillis(20);
    static final String[] EVENTS = {"Start", "Pause", "Resume", "Stop", "FrameRecorded", "Error"};

    private enum State { IDLE, RECORDING, PAUSED }

    /** One recording: its capture, where its file is, and its place on the capture thread. */
    private static final class Session {
        final Capture capture;
        final String tempFilePath;
        // Capture thread only.
        ScheduledFuture<?> ticks;
        boolean ended;

        Session(Capture capture, String tempFilePath) {
            this.capture = capture;
            this.tempFilePath = tempFilePath;
        }
    }

    private final InstanceContext instance;
    private final LocalFiles files;
    private final Map<String, JsEventChannel> channels = new LinkedHashMap<>();
    // Loop thread only, below.
    private ScheduledExecutorService thread;
    private State state = State.IDLE;
    private Session session;

    Recorder(InstanceContext instance) {
        this.instance = instance;
        this.files = LocalFiles.of(instance);
        for (String event : EVENTS) {
            channels.put(event, instance.newEventChannel("RecorderManager.on" + event));
        }
        // Registered after the local files' own hook, so it runs first: the thread stops before the folder goes.
        instance.onClose(this::close);
    }

    JsEventChannel channel(String event) {
        return channels.get(event);
    }

    /** start(), start(undefined) or start({...}); what is wrong goes to onError. */
    void start(ApiArgs args) {
        checkLoop();
        try {
            Optional<ApiParams> params = args.params(0);
            if (params.isEmpty() && !"undefined".equals(args.typeOf(0))) {
                throw ApiException.parameter("expect params to be object, but got " + args.typeOf(0));
            }
            if (state != State.IDLE) {
                throw new ApiException(ApiErrors.BUSINESS_ERROR, "the recorder is already recording (stop it first)");
            }
            RecordSettings settings = RecordSettings.parse(params);
            settings.checkRecordable();
            if (!instance.isGranted("scope.record")) {
                throw new ApiException(ApiErrors.AUTH_DENY, ApiErrors.AUTH_DENY_DETAIL);
            }
            MicrophoneStream microphone = microphone();
            LocalFiles.Location location = files.newTempFile("." + settings.format());
            RecordingFile file;
            try {
                file = new RecordingFile(location.file(), settings);
            } catch (IOException e) {
                throw new ApiException(ApiErrors.INTERNAL_ERROR, "the recording file cannot be written");
            }
            Session started = new Session(new Capture(settings, microphone, file, this::frame),
                    location.uri());
            session = started;
            state = State.RECORDING;
            channels.get("Start").emit(null);
            ScheduledExecutorService capture = capture();
            long tick = TICK.toNanos();
            // Scheduled from the capture thread itself, so that ticks is set before anything there reads it.
            capture.execute(() -> started.ticks = capture.scheduleAtFixedRate(() -> tick(started), tick, tick,
                    TimeUnit.NANOSECONDS));
        } catch (ApiException e) {
            error("start", e);
        }
    }

    void pause() {
        checkLoop();
        if (state == State.RECORDING) {
            state = State.PAUSED;
            Session current = session;
            thread.execute(() -> {
                if (!current.ended) {
                    try {
                        current.capture.pause();
                        channels.get("Pause").emit(null);
                    } catch (IOException e) {
                        failed(current);
                    }
                }
            });
        }
    }

    void resume() {
        checkLoop();
        if (state == State.PAUSED) {
            state = State.RECORDING;
            Session current = session;
            thread.execute(() -> {
                if (!current.ended) {
                    current.capture.resume();
                    channels.get("Resume").emit(null);
                }
            });
        }
    }

    void stop() {
        checkLoop();
        if (state != State.IDLE) {
            Session current = session;
            session = null;
            state = State.IDLE;
            thread.execute(() -> end(current));
        }
    }

    private MicrophoneStream microphone() throws ApiException {
        try {
            return Microphones.open(instance);
        } catch (RuntimeException e) {
            // A provider's source that cannot be read (a missing WAV file): the room capture fails alike.
            instance.reportProblem("RecorderManager.start", "the microphone source cannot be read: " + e.getMessage());
            throw new ApiException(ApiErrors.INTERNAL_ERROR, "the instance's microphone source cannot be read");
        }
    }

    private ScheduledExecutorService capture() {
        if (thread == null) {
            String name = "tt-recorder-" + instance.instanceId();
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    // ---- capture thread ---------------------------------------------------------------------

    private void tick(Session current) {
        if (current.ended) {
            return;
        }
        try {
            if (current.capture.catchUp()) {
                instance.loop().execute(() -> ended(current));
                end(current);
            }
        } catch (IOException e) {
            failed(current);
        }
    }

    /** Takes the rest of the audio, completes the file and tells JS where it is. */
    private void end(Session current) {
        if (current.ended) {
            return;
        }
        current.ended = true;
        current.ticks.cancel(false);
        try {
            current.capture.catchUp();
            current.capture.finish();
            channels.get("Stop").emit(JsonNodeFactory.instance.objectNode().put("tempFilePath", current.tempFilePath));
        } catch (IOException e) {
            failed(current);
        }
    }

    private void failed(Session current) {
        current.ended = true;
        current.ticks.cancel(false);
        current.capture.abandon();
        instance.loop().execute(() -> ended(current));
        error("stop", new ApiException(ApiErrors.INTERNAL_ERROR, "the recording file cannot be written"));
    }

    private void frame(byte[] buffer, boolean last) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("frameBuffer", JsValues.arrayBuffer(buffer));
        payload.put("isLastFrame", last);
        channels.get("FrameRecorded").emit(payload);
    }

    // ---- loop thread --------------------------------------------------------------------------

    /** The recording ended by itself (its duration was full, or writing failed): the recorder is free again. */
    private void ended(Session current) {
        if (session == current) {
            session = null;
            state = State.IDLE;
        }
    }

    private void close() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session != null) {
            session.capture.abandon();
            session = null;
        }
        channels.values().forEach(JsEventChannel::clear);
    }

    private void error(String method, ApiException e) {
        channels.get("Error").emit(JsonNodeFactory.instance.objectNode()
                .put("errMsg", "RecorderManager." + method + ":fail " + e.detail()).put("errNo", e.errNo()));
    }

    private void checkLoop() {
        if (!instance.inLoop()) {
            throw new IllegalStateException("the RecorderManager runs on its instance's loop thread");
        }
    }
}
