package dev.ttrtc.bridge.media;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.ttrtc.bridge.engine.MediaKind;
import dev.ttrtc.bridge.engine.RemoteMedia;
import dev.ttrtc.bridge.engine.RemoteMediaStats;
import dev.ttrtc.bridge.engine.UserId;
import dev.ttrtc.bridge.media.analysis.LevelMeter;
import dev.ttrtc.bridge.media.source.AudioFrames;
import dev.ttrtc.bridge.media.source.FrameCounterCode;
import dev.ttrtc.bridge.media.source.I420Image;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one participant receives from one remote member: the sinks on that member's tracks and
 * what they measured. Sinks run on WebRTC's playout and video threads; they only copy and count,
 * never throw (an exception escaping a sink aborts the JVM), and release every frame.
 */
final class RemoteStreams implements RemoteMedia {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteStreams.class);
    private static final int KEEP_SAMPLES = AudioFrames.SAMPLE_RATE * 10;

    private final String userId;
    private final Supplier<Double> playbackGain;
    private final Object audioLock = new Object();
    // Guarded by audioLock: the last 10 s of decoded audio, oldest first.
    private final short[] ring = new short[KEEP_SAMPLES];
    // Guarded by audioLock.
    private long written;
    private final AtomicLong samplesDecoded = new AtomicLong();
    private volatile double levelDbov = LevelMeter.FLOOR_DBOV;
    private volatile long firstAudioNanos;
    private final AtomicLong connectedNanos = new AtomicLong();
    private final VideoSink camera;
    private final VideoSink screen;
    private final Set<MediaKind> receiving = java.util.Collections.synchronizedSet(EnumSet.noneOf(MediaKind.class));
    private volatile Supplier<CompletableFuture<RTCStatsReport>> statsSource;
    private final FirstFrames firstFrames;

    /** Told once per stream when its first sound or picture arrives (on WebRTC's threads; hand over). */
    interface FirstFrames {
        void audio(String userId);

        void video(String userId, MediaKind kind, int width, int height);
    }

    RemoteStreams(String userId, Supplier<Double> playbackGain, FirstFrames firstFrames) {
        this.userId = userId;
        this.playbackGain = playbackGain;
        this.firstFrames = firstFrames;
        this.camera = new VideoSink(MediaKind.VIDEO);
        this.screen = new VideoSink(MediaKind.SCREEN);
    }

    @Override
    public UserId userId() {
        return UserId.of(userId);
    }

    /** Where WebRTC statistics come from: the current receive connection. */
    void setStatsSource(Supplier<CompletableFuture<RTCStatsReport>> source) {
        this.statsSource = source;
    }

    void setReceiving(Set<MediaKind> kinds) {
        synchronized (receiving) {
            receiving.clear();
            receiving.addAll(kinds);
        }
    }

    final AudioTrackSink audioSink = this::onAudio;

    /** Decoded audio of this member, 10 ms at a time (WebRTC's playout thread). */
    private void onAudio(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        try {
            if (bitsPerSample != 16 || frames <= 0) {
                return;
            }
            double gain = playbackGain.get();
            short[] samples = new short[frames];
            boolean sound = false;
            for (int i = 0; i < frames; i++) {
                int at = 2 * i * channels;
                int value = (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
                samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * gain)));
                sound |= samples[i] != 0;
            }
            levelDbov = LevelMeter.dbov(samples);
            samplesDecoded.addAndGet(frames);
            if (sound && firstAudioNanos == 0) {
                firstAudioNanos = System.nanoTime();
                firstFrames.audio(userId);
            }
            synchronized (audioLock) {
                for (short s : samples) {
                    ring[(int) (written % KEEP_SAMPLES)] = s;
                    written++;
                }
            }
        } catch (Throwable t) {
            LOG.warn("audio sink for {} failed", userId, t);
        }
    }

    VideoTrackSink videoSink(MediaKind kind) {
        return kind == MediaKind.SCREEN ? screen : camera;
    }

    @Override
    public short[] decodedAudio(Duration length) {
        synchronized (audioLock) {
            int wanted = (int) Math.min(Math.min(written, KEEP_SAMPLES), length.toMillis() * AudioFrames.SAMPLE_RATE / 1000);
            short[] out = new short[wanted];
            for (int i = 0; i < wanted; i++) {
                out[i] = ring[(int) ((written - wanted + i) % KEEP_SAMPLES)];
            }
            return out;
        }
    }

    @Override
    public int audioVolume() {
        return LevelMeter.volume(audioLevelDbov());
    }

    @Override
    public double audioLevelDbov() {
        return levelDbov;
    }

    @Override
    public Optional<Long> firstAudioNanos() {
        long at = firstAudioNanos;
        return at == 0 ? Optional.empty() : Optional.of(at);
    }

    /** A link from this member reached "connected" (only the first time counts; links call this from native threads). */
    void connected() {
        connectedNanos.compareAndSet(0, System.nanoTime());
    }

    @Override
    public Optional<Long> connectedNanos() {
        long at = connectedNanos.get();
        return at == 0 ? Optional.empty() : Optional.of(at);
    }

    @Override
    public long framesDecoded(MediaKind kind) {
        return (kind == MediaKind.SCREEN ? screen : camera).frames.get();
    }

    @Override
    public Optional<BufferedImage> latestFrame(MediaKind kind) {
        return (kind == MediaKind.SCREEN ? screen : camera).latest().map(I420Image::toRgb);
    }

    @Override
    public CompletableFuture<RemoteMediaStats> stats() {
        Supplier<CompletableFuture<RTCStatsReport>> source = statsSource;
        CompletableFuture<RTCStatsReport> report = source == null ? CompletableFuture.completedFuture(null) : source.get();
        return report.handle((r, error) -> build(error == null ? r : null));
    }

    private RemoteMediaStats build(RTCStatsReport report) {
        long[] audioCounters = {0, 0};
        long[][] video = {{0, 0}, {0, 0}};
        double rtt = -1;
        if (report != null) {
            for (RTCStats stats : report.getStats().values()) {
                Map<String, Object> a = stats.getAttributes();
                if (stats.getType() == RTCStatsType.INBOUND_RTP) {
                    long packets = number(a.get("packetsReceived"));
                    long bytes = number(a.get("bytesReceived"));
                    String mid = String.valueOf(a.get("mid"));
                    if ("audio".equals(a.get("kind"))) {
                        audioCounters[0] += packets;
                        audioCounters[1] += bytes;
                    } else {
                        int slot = SendLink.SCREEN_MID.equals(mid) ? 1 : 0;
                        video[slot][0] += packets;
                        video[slot][1] += bytes;
                    }
                } else if (stats.getType() == RTCStatsType.CANDIDATE_PAIR && Boolean.TRUE.equals(a.get("nominated"))
                        && a.get("currentRoundTripTime") instanceof Number n) {
                    rtt = Math.max(rtt, n.doubleValue() * 1000);
                }
            }
        }
        RemoteMediaStats.Audio audio = new RemoteMediaStats.Audio(receiving.contains(MediaKind.AUDIO), audioCounters[0],
                audioCounters[1], levelDbov, samplesDecoded.get());
        return new RemoteMediaStats(UserId.of(userId), audio,
                camera.stats(receiving.contains(MediaKind.VIDEO), video[0][0], video[0][1]),
                screen.stats(receiving.contains(MediaKind.SCREEN), video[1][0], video[1][1]), rtt);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Counts frames, keeps the latest picture and reads the test pattern's counter. */
    private final class VideoSink implements VideoTrackSink {
        private final MediaKind kind;
        private final AtomicLong frames = new AtomicLong();
        private final ArrayDeque<Long> recent = new ArrayDeque<>();
        // Guarded by this.
        private I420Image latest;
        private volatile int width;
        private volatile int height;
        private volatile int lastCounter = -1;

        VideoSink(MediaKind kind) {
            this.kind = kind;
        }

        @Override
        public void onVideoFrame(VideoFrame frame) {
            try {
                I420Buffer buffer = frame.buffer.toI420();
                int w = buffer.getWidth();
                int h = buffer.getHeight();
                synchronized (this) {
                    if (latest == null || latest.width() != w || latest.height() != h) {
                        latest = I420Image.blank(w, h);
                    }
                    copyPlane(buffer.getDataY(), buffer.getStrideY(), latest.y(), w, h);
                    copyPlane(buffer.getDataU(), buffer.getStrideU(), latest.u(), latest.chromaWidth(), (h + 1) / 2);
                    copyPlane(buffer.getDataV(), buffer.getStrideV(), latest.v(), latest.chromaWidth(), (h + 1) / 2);
                    lastCounter = w >= 64 && h >= 16 ? FrameCounterCode.read(latest.y(), w, w) : -1;
                    long now = System.nanoTime();
                    recent.addLast(now);
                    while (!recent.isEmpty() && now - recent.peekFirst() > 1_000_000_000L) {
                        recent.removeFirst();
                    }
                }
                width = w;
                height = h;
                if (frames.incrementAndGet() == 1) {
                    firstFrames.video(userId, kind, w, h);
                }
            } catch (Throwable t) {
                LOG.warn("video sink failed", t);
            } finally {
                frame.release();
            }
        }

        private static void copyPlane(ByteBuffer from, int stride, byte[] to, int width, int height) {
            for (int row = 0; row < height; row++) {
                from.get(row * stride, to, row * width, width);
            }
        }

        synchronized Optional<I420Image> latest() {
            return latest == null ? Optional.empty()
                    : Optional.of(new I420Image(latest.width(), latest.height(), latest.y().clone(), latest.u().clone(), latest.v().clone()));
        }

        RemoteMediaStats.Video stats(boolean receiving, long packets, long bytes) {
            double fps;
            synchronized (this) {
                long now = System.nanoTime();
                fps = recent.stream().filter(t -> now - t <= 1_000_000_000L).count();
            }
            return new RemoteMediaStats.Video(receiving, packets, bytes, frames.get(), fps, width, height, lastCounter);
        }
    }
}
