package dev.ttrtc.bridge.engine;

/**
 * The camera stream's resolution and frame rate ({@code setVideoEncoderConfig}'s maxSolution).
 *
 * @param width pixels, even, 16 to 1920
 * @param height pixels, even, 16 to 1920
 * @param frameRate frames a second, 1 to 60
 */
public record VideoEncoderConfig(int width, int height, int frameRate) {
    public static final VideoEncoderConfig DEFAULT = new VideoEncoderConfig(320, 240, 15);

    public VideoEncoderConfig {
        if (width < 16 || width > 1920 || width % 2 != 0) {
            throw new IllegalArgumentException("width must be an even number from 16 to 1920, got " + width);
        }
        if (height < 16 || height > 1920 || height % 2 != 0) {
            throw new IllegalArgumentException("height must be an even number from 16 to 1920, got " + height);
        }
        if (frameRate < 1 || frameRate > 60) {
            throw new IllegalArgumentException("frameRate must be from 1 to 60, got " + frameRate);
        }
    }
}
