package dev.ttrtc.runtime.internal.apis.recorder;

import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What {@code RecorderManager.start(params)} asked for, checked against the platform's documented
 * values and defaults (duration 60000 ms, at most 600000; sampleRate 8000; numberOfChannels 2;
 * encodeBitRate 48000 within the range of the sample rate; format aac; frameSize in KB).
 *
 * @param frameBytes the size of one onFrameRecorded buffer, whole sample frames; empty when
 *     the project set no frameSize (then no onFrameRecorded)
 */
record RecordSettings(long durationMillis, int sampleRate, int channels, String format, OptionalInt frameBytes) {
    static final long DEFAULT_DURATION = 60_000;
    static final long MAX_DURATION = 600_000;
    static final int DEFAULT_SAMPLE_RATE = 8000;
    static final int DEFAULT_CHANNELS = 2;
    static final String DEFAULT_FORMAT = "aac";
    /** The documented sample rates and, for each, the encodeBitRate range it takes. */
    private static final int[][] RATES = {
            {8000, 16_000, 48_000}, {11025, 16_000, 48_000}, {12000, 24_000, 64_000}, {16000, 24_000, 96_000},
            {22050, 32_000, 128_000}, {24000, 32_000, 128_000}, {32000, 48_000, 192_000}, {44100, 64_000, 320_000},
            {48000, 64_000, 320_000}};
    /** The errNo the platform documents for an encodeBitRate out of its sample rate's range. */
    static final int BIT_RATE_ERROR = 21501;
    /** Formats the platform documents; only {@link #RECORDED} are written here. */
    static final String[] FORMATS = {"aac", "mp3", "pcm", "wav"};
    static final String[] RECORDED = {"pcm", "wav"};

    static RecordSettings parse(Optional<ApiParams> given) throws ApiException {
        if (given.isEmpty()) {
            return new RecordSettings(DEFAULT_DURATION, DEFAULT_SAMPLE_RATE, DEFAULT_CHANNELS, DEFAULT_FORMAT, OptionalInt.empty());
        }
        ApiParams p = given.get();
        long duration = Math.round(p.optionalNumber("duration").orElse(DEFAULT_DURATION));
        if (duration <= 0 || duration > MAX_DURATION) {
            throw ApiException.parameter("expect " + p.path() + ".duration to be between 1 and " + MAX_DURATION + ", but got "
                    + p.json("duration"));
        }
        int rate = oneOf(p, "sampleRate", DEFAULT_SAMPLE_RATE, Arrays.stream(RATES).mapToInt(r -> r[0]).toArray());
        int channels = oneOf(p, "numberOfChannels", DEFAULT_CHANNELS, 1, 2);
        OptionalDouble bitRate = p.optionalNumber("encodeBitRate");
        if (bitRate.isPresent()) {
            int[] range = Arrays.stream(RATES).filter(r -> r[0] == rate).findFirst().orElseThrow();
            if (bitRate.getAsDouble() < range[1] || bitRate.getAsDouble() > range[2]) {
                throw new ApiException(BIT_RATE_ERROR, "invalid encodeBitRate " + p.json("encodeBitRate")
                        + " , encodeBitRate should be greater than " + range[1] + " and less than " + range[2]);
            }
        }
        String format = p.optionalStringOneOf("format", DEFAULT_FORMAT, FORMATS);
        OptionalDouble frameSize = p.optionalNumber("frameSize");
        OptionalInt frameBytes = OptionalInt.empty();
        if (frameSize.isPresent()) {
            if (!(frameSize.getAsDouble() > 0)) {
                throw ApiException.parameter("expect " + p.path() + ".frameSize to be greater than 0, but got " + p.json("frameSize"));
            }
            int block = channels * 2;
            long bytes = Math.round(frameSize.getAsDouble() * 1024);
            frameBytes = OptionalInt.of((int) Math.max(block, Math.min(bytes, 64L * 1024 * 1024) / block * block));
        }
        return new RecordSettings(duration, rate, channels, format, frameBytes);
    }

    /** Fails unless the host can write {@link #format}: nothing here encodes AAC or MP3. */
    void checkRecordable() throws ApiException {
        if (!Arrays.asList(RECORDED).contains(format)) {
            throw new ApiException(ApiErrors.BUSINESS_ERROR, "format " + format + " is not available in tt-rtc-host"
                    + " (it records format wav or pcm)");
        }
    }

    /** Bytes of one sample frame (all channels). */
    int blockAlign() {
        return channels * 2;
    }

    /** The sample frames the whole recording holds when it runs for its duration. */
    long maxFrames() {
        return durationMillis * sampleRate / 1000;
    }

    private static int oneOf(ApiParams p, String key, int fallback, int... allowed) throws ApiException {
        if (!p.has(key)) {
            return fallback;
        }
        double value = p.number(key);
        for (int a : allowed) {
            if (a == value) {
                return a;
            }
        }
        throw ApiException.parameter("expect " + p.path() + "." + key + " to be one of "
                + Arrays.stream(allowed).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + ", but got "
                + p.json(key));
    }
}
