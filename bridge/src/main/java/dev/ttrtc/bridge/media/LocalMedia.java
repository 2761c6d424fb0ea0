package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.ttrtc.bridge.engine.AudioInput;
import dev.ttrtc.bridge.engine.CameraFacing;
import dev.ttrtc.bridge.engine.LocalMediaStats;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.VideoEncoderConfig;
import dev.ttrtc.bridge.engine.VideoInput;
import dev.ttrtc.bridge.media.analysis.LevelMeter;
import dev.ttrtc.bridge.media.analysis.SpeechDetector;
import dev.ttrtc.bridge.media.source.AudioFrames;
import dev.ttrtc.bridge.media.source.AudioGenerator;
import dev.ttrtc.bridge.media.source.I420Image;
import dev.ttrtc.bridge.media.source.VideoGenerator;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one participant sends: its microphone, camera and screen tracks (shared by all its
 * send-only connections) and the threads that feed them.
 *
 * <p>Audio is pushed every 10 ms from one thread ({@code tt-audio-<name>}) for the participant's
 * whole life, zeros while the microphone is off: a gap in the cadence would grow the receivers'
 * jitter buffers for good. The pushed frames are also what the level meter and speech detector
 * see. Video frames are pushed from {@code tt-video-<name>} while the camera (or screen share) is on.
 */
public final class LocalMedia implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMedia.class);
    private static final int SCREEN_WIDTH = 640;
    private static final int SCREEN_HEIGHT = 360;
    private static final int SCREEN_FPS = 5;

    private final String name;
    private final Supplier<String> patternLabel;
    private final MediaConfig config;
    private final Consumer<Boolean> speakingListener;
    private final Supplier<CameraFacing> facing;
    private final CustomAudioSource audioSource;
    private final AudioTrack audioTrack;
    private final CustomVideoSource cameraSource;
    private final VideoTrack cameraTrack;
    private final CustomVideoSource screenSource;
    private final VideoTrack screenTrack;
    /** Held while pushing audio and while a send connection changes its audio sender (the source's sink list is unguarded). */
    private final Object audioLock = new Object();
    private final PeerConnectionBudget peerConnections = new PeerConnectionBudget();
    private final ScheduledExecutorService audioThread;
    private final ScheduledExecutorService videoThread;
    private final short[] frame = new short[AudioFrames.FRAME_SAMPLES];
    private final byte[] frameBytes = new byte[AudioFrames.FRAME_SAMPLES * 2];
    private final SpeechDetector detector = new SpeechDetector();
    private final AtomicLong audioFramesPushed = new AtomicLong();
    private final AtomicLong cameraFramesPushed = new AtomicLong();
    private final AtomicLong screenFramesPushed = new AtomicLong();
    private volatile I420Image lastCameraFrame;
    private volatile AudioGenerator microphone;
    private volatile boolean microphoneOn;
    private volatile double recordingGain = 1.0;
    private volatile double levelDbov = LevelMeter.FLOOR_DBOV;
    private volatile boolean speaking;
    // Video thread only.
    private VideoGenerator camera;
    private VideoGenerator screen;
    // Guarded by this.
    private ScheduledFuture<?> cameraTask;
    // Guarded by this.
    private ScheduledFuture<?> screenTask;
    // Guarded by this.
    private VideoEncoderConfig encoderConfig = VideoEncoderConfig.DEFAULT;
    private volatile boolean closed;

    /**
     * @param speakingListener told (on the audio thread) whenever the speech detector changes its mind
     * @param facing the camera facing the test pattern shows
     * @param patternLabel the name the test pattern shows (the user id once in a room)
     */
    public LocalMedia(String name, MediaConfig config, Consumer<Boolean> speakingListener, Supplier<CameraFacing> facing,
            Supplier<String> patternLabel) {
        // First: loads the native library the sources below need.
        MediaFactories factories = MediaFactories.get();
        this.audioSource = new CustomAudioSource();
        this.cameraSource = new CustomVideoSource();
        this.screenSource = new CustomVideoSource();
        this.name = name;
        this.config = config;
        this.speakingListener = speakingListener;
        this.facing = facing;
        this.patternLabel = patternLabel;
        this.microphone = AudioGenerator.of(config.microphone());
        this.audioTrack = factories.send.createAudioTrack("audio-" + name, audioSource);
        this.cameraTrack = factories.send.createVideoTrack("camera-" + name, cameraSource);
        this.screenTrack = factories.send.createVideoTrack("screen-" + name, screenSource);
        for (String kind : new String[] {"audio-source", "video-source", "video-source", "audio-track", "video-track", "video-track"}) {
            NativeCensus.created(kind);
        }
        this.audioThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tt-audio-" + name));
        this.videoThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tt-video-" + name));
        audioThread.scheduleAtFixedRate(this::pushAudio, 0, AudioFrames.FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The tracks are disposed on close; handing one out afterwards would crash the JVM in native code. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the media of " + name + " is closed");
        }
    }

    AudioTrack audioTrack() {
        ensureOpen();
        return audioTrack;
    }

    VideoTrack cameraTrack() {
        ensureOpen();
        return cameraTrack;
    }

    VideoTrack screenTrack() {
        ensureOpen();
        return screenTrack;
    }

    Object audioLock() {
        return audioLock;
    }

    boolean loopbackIce() {
        return config.loopbackIce();
    }

    // ---- audio ----------------------------------------------------------------------------------

    private void pushAudio() {
        try {
            if (microphoneOn) {
                microphone.next(frame);
                applyGain();
            } else {
                java.util.Arrays.fill(frame, (short) 0);
            }
            double level = LevelMeter.dbov(frame);
            levelDbov = level;
            boolean nowSpeaking = detector.offer(level);
            AudioFrames.toBytes(frame, frameBytes);
            synchronized (audioLock) {
                if (closed) {
                    return;
                }
                audioSource.pushAudio(frameBytes, 16, AudioFrames.SAMPLE_RATE, 1, AudioFrames.FRAME_SAMPLES);
            }
            audioFramesPushed.incrementAndGet();
            if (nowSpeaking != speaking) {
                speaking = nowSpeaking;
                speakingListener.accept(nowSpeaking);
            }
        } catch (Throwable t) {
            LOG.warn("audio push of {} failed", name, t);
        }
    }

    private void applyGain() {
        double gain = recordingGain;
        if (gain == 1.0) {
            return;
        }
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(frame[i] * gain)));
        }
    }

    public void setMicrophoneOn(boolean on) {
        microphoneOn = on;
    }

    /** What the microphone produces from now on. */
    public void setAudioInput(AudioInput input) {
        this.microphone = AudioGenerator.of(input);
    }

    /** 0–200 (%): scales the captured audio. */
    public void setRecordingVolume(int volume) {
        this.recordingGain = volume / 100.0;
    }

    public double levelDbov() {
        return levelDbov;
    }

    // ---- video ----------------------------------------------------------------------------------

    public synchronized void setCameraOn(boolean on) {
        if (closed) {
            return;
        }
        if (on && cameraTask == null) {
            VideoEncoderConfig size = encoderConfig;
            VideoInput input = config.camera();
            videoThread.execute(() -> camera = VideoGenerator.of(input, size.width(), size.height(), patternLabel,
                    () -> facing.get().name()));
            cameraTask = videoThread.scheduleAtFixedRate(() -> lastCameraFrame = pushVideo(camera, cameraSource, cameraFramesPushed),
                    0, 1000 / size.frameRate(), TimeUnit.MILLISECONDS);
        } else if (!on && cameraTask != null) {
            cameraTask.cancel(false);
            cameraTask = null;
            lastCameraFrame = null;
        }
    }

    /** The latest camera picture sent (what a phone's local preview shows), while the camera is on. */
    public Optional<BufferedImage> cameraPreview() {
        I420Image frame = lastCameraFrame;
        return frame == null ? Optional.empty() : Optional.of(frame.toRgb());
    }

    /** New size and frame rate; a running camera restarts with them. */
    public synchronized void setEncoderConfig(VideoEncoderConfig config) {
        this.encoderConfig = config;
        if (cameraTask != null) {
            setCameraOn(false);
            setCameraOn(true);
        }
    }

    /** The screen share runs while the screen stream is published. */
    public synchronized void setScreenOn(boolean on) {
        if (closed) {
            return;
        }
        if (on && screenTask == null) {
            VideoInput input = config.screen();
            videoThread.execute(() -> screen = VideoGenerator.of(input, SCREEN_WIDTH, SCREEN_HEIGHT, patternLabel, () -> "SCREEN"));
            screenTask = videoThread.scheduleAtFixedRate(() -> pushVideo(screen, screenSource, screenFramesPushed),
                    0, 1000 / SCREEN_FPS, TimeUnit.MILLISECONDS);
        } else if (!on && screenTask != null) {
            screenTask.cancel(false);
            screenTask = null;
        }
    }

    /** Pushes the generator's next picture; returns a copy of it (null when nothing was pushed). */
    private I420Image pushVideo(VideoGenerator generator, CustomVideoSource source, AtomicLong counter) {
        try {
            if (generator == null || closed) {
                return null;
            }
            I420Image image = generator.next();
            NativeI420Buffer buffer = NativeI420Buffer.allocate(image.width(), image.height());
            copyPlane(image.y(), image.width(), image.height(), buffer.getDataY(), buffer.getStrideY());
            copyPlane(image.u(), image.chromaWidth(), (image.height() + 1) / 2, buffer.getDataU(), buffer.getStrideU());
            copyPlane(image.v(), image.chromaWidth(), (image.height() + 1) / 2, buffer.getDataV(), buffer.getStrideV());
            VideoFrame videoFrame = new VideoFrame(buffer, System.nanoTime());
            try {
                source.pushFrame(videoFrame);
                counter.incrementAndGet();
            } finally {
                videoFrame.release();
            }
            return new I420Image(image.width(), image.height(), image.y().clone(), image.u().clone(), image.v().clone());
        } catch (Throwable t) {
            LOG.warn("video push of {} failed", name, t);
            return null;
        }
    }

    private static void copyPlane(byte[] from, int width, int height, ByteBuffer to, int stride) {
        for (int row = 0; row < height; row++) {
            to.put(row * stride, from, row * width, width);
        }
    }

    public LocalMediaStats stats() {
        return new LocalMediaStats(levelDbov, LevelMeter.volume(levelDbov), speaking, audioFramesPushed.get(),
                cameraFramesPushed.get(), screenFramesPushed.get());
    }

    /** The native peer connections this participant's rooms may create. */
    public PeerConnectionBudget peerConnections() {
        return peerConnections;
    }

    /** Stops the pushers and disposes the tracks and sources; close every send connection first. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        audioThread.shutdownNow();
        videoThread.shutdownNow();
        try {
            audioThread.awaitTermination(2, TimeUnit.SECONDS);
            videoThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (audioLock) {
            audioTrack.dispose();
            cameraTrack.dispose();
            screenTrack.dispose();
            audioSource.dispose();
            cameraSource.dispose();
            screenSource.dispose();
        }
        for (String kind : new String[] {"audio-source", "video-source", "video-source", "audio-track", "video-track", "video-track"}) {
            NativeCensus.released(kind);
        }
    }
}
