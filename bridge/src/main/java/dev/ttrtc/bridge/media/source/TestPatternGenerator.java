package dev.ttrtc.bridge.media.source;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * A generated camera picture: a colour per user, a ball bouncing around, the user id, the caption
 * (camera facing or SCREEN), the frame number, and the number again as blocks along the top edge
 * ({@link FrameCounterCode}).
 */
final class TestPatternGenerator implements VideoGenerator {
    private final int width;
    private final int height;
    private final Supplier<String> label;
    private final Supplier<String> caption;
    private final BufferedImage canvas;
    private final I420Image image;
    private long frame;

    TestPatternGenerator(int width, int height, Supplier<String> label, Supplier<String> caption) {
        this.width = width;
        this.height = height;
        this.label = label;
        this.caption = caption;
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.image = I420Image.blank(width, height);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public I420Image next() {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            String name = label.get();
            g.setColor(Color.getHSBColor((name.hashCode() & 0xFFFF) / 65536f, 0.55f, 0.45f));
            g.fillRect(0, 0, width, height);
            int ball = Math.max(8, height / 6);
            double t = frame / 15.0;
            int x = (int) ((width - ball) * (0.5 + 0.5 * Math.sin(t * 1.3)));
            int y = (int) ((height - ball) * (0.5 + 0.5 * Math.cos(t * 0.9)));
            g.setColor(new Color(255, 214, 0));
            g.fillOval(x, y, ball, ball);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(1, width / 160f)));
            g.drawRect(1, 1, width - 3, height - 3);
            int textSize = Math.max(10, height / 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, textSize));
            g.drawString(name, width / 20, height - textSize * 2);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(9, textSize * 3 / 4)));
            g.drawString(caption.get() + "  #" + frame, width / 20, height - textSize / 2);
        } finally {
            g.dispose();
        }
        image.fillFrom(canvas);
        FrameCounterCode.write(image, frame);
        frame++;
        return image;
    }
}
