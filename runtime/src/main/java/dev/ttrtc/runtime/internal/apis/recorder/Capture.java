package dev.ttrtc.runtime.internal.apis.recorder;

import dev.ttrtc.runtime.api.MicrophoneStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * One recording as the capture thread runs it: takes as many sample frames from the microphone
 * as the time spent recording (pauses excluded) asks for, up to the requested duration, writes
 * them to the file and cuts them into onFrameRecorded buffers. Capture thread only.
 */
final class Capture {
    /** Where the capture's results go (called on the capture thread). */
    interface Output {
        void frame(byte[] buffer, boolean last);
    }

    private final RecordSettings settings;
    private final Resampler resampler;
    private final RecordingFile file;
    private final Output output;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** A full buffer kept back until more audio follows, so that the last one can say it is last. */
    private byte[] held;
    private long writtenFrames;
    /** Recording time before the current stretch, and when the current stretch began (-1 while paused). */
    private long recordedNanos;
    private long stretchStart;

    Capture(RecordSettings settings, MicrophoneStream microphone, RecordingFile file, Output output) {
        this.settings = settings;
        this.resampler = new Resampler(microphone, settings.sampleRate(), settings.channels());
        this.file = file;
        this.output = output;
        this.stretchStart = System.nanoTime();
    }

    /** Takes what the time recorded so far asks for; true once the requested duration is full. */
    boolean catchUp() throws IOException {
        long nanos = recordedNanos + (stretchStart < 0 ? 0 : System.nanoTime() - stretchStart);
        long due = Math.min(settings.maxFrames(), nanos * settings.sampleRate() / 1_000_000_000L);
        while (writtenFrames < due) {
            int frames = (int) Math.min(due - writtenFrames, settings.sampleRate());
            byte[] pcm = resampler.next(frames);
            file.write(pcm);
            writtenFrames += frames;
            cut(pcm);
        }
        return writtenFrames >= settings.maxFrames();
    }

    void pause() throws IOException {
        catchUp();
        if (stretchStart >= 0) {
            recordedNanos += System.nanoTime() - stretchStart;
            stretchStart = -1;
        }
    }

    void resume() {
        if (stretchStart < 0) {
            stretchStart = System.nanoTime();
        }
    }

    /** Ends the recording: the last (partial) buffer goes out marked last, and the file is completed. */
    void finish() throws IOException {
        if (settings.frameBytes().isPresent()) {
            if (pending.size() > 0 || held == null) {
                release();
                held = pending.toByteArray();
                pending.reset();
            }
            output.frame(held, true);
            held = null;
        }
        file.finish();
    }

    /** Drops the recording without events (the instance closes). */
    void abandon() {
        try {
            file.close();
        } catch (IOException ignored) {
            // The instance's temp folder, and the file with it, is deleted as it closes.
        }
    }

    private void cut(byte[] pcm) {
        if (settings.frameBytes().isEmpty()) {
            return;
        }
        int size = settings.frameBytes().getAsInt();
        int at = 0;
        while (at < pcm.length) {
            release();
            int take = Math.min(pcm.length - at, size - pending.size());
            pending.write(pcm, at, take);
            at += take;
            if (pending.size() == size) {
                held = pending.toByteArray();
                pending.reset();
            }
        }
    }

    private void release() {
        if (held != null) {
            output.frame(held, false);
            held = null;
        }
    }
}
