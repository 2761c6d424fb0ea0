package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * {@code <image>}: {@code src} is a project file (relative to the template's folder, or from
 * the project root with {@code /}) or a network URL; {@code mode} maps to CSS
 * ({@code object-fit}/{@code object-position}); 300×225 px by default. After it appears (and
 * whenever {@code src} changes) it fires {@code load} with the file's {@code {width, height}}
 * (0×0 for formats the JDK cannot read, such as SVG), or {@code error} with {@code {errMsg}} when
 * the project has no such file. Network images are not fetched: no event fires for them.
 * Mirrors get {@code src} as a path from the project root ({@code /images/a.png}).
 */
final class ImageComponent implements ComponentProvider {
    static final Set<String> MODES = Set.of("scaleToFill", "aspectFit", "aspectFill", "widthFix", "heightFix", "top",
            "bottom", "center", "left", "right", "top left", "top right", "bottom left", "bottom right");

    @Override
    public String tag() {
        return "image";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("src", ""), AttributeSpec.string("mode", "scaleToFill"),
                AttributeSpec.bool("webp", false), AttributeSpec.bool("lazy-load", false));
    }

    @Override
    public String baseCss() {
        return """
                tt-image { display: inline-block; width: 300px; height: 225px; overflow: hidden; }
                tt-image > img { display: block; width: 100%; height: 100%; object-fit: fill; }
                tt-image[mode=aspectFit] > img { object-fit: contain; }
                tt-image[mode=aspectFill] > img { object-fit: cover; }
                tt-image[mode=widthFix] { height: auto; } tt-image[mode=widthFix] > img { height: auto; }
                tt-image[mode=heightFix] { width: auto; } tt-image[mode=heightFix] > img { width: auto; }
                tt-image[mode=top] > img, tt-image[mode=bottom] > img, tt-image[mode=center] > img, tt-image[mode=left] > img,
                tt-image[mode=right] > img, tt-image[mode="top left"] > img, tt-image[mode="top right"] > img,
                tt-image[mode="bottom left"] > img, tt-image[mode="bottom right"] > img { object-fit: none; }
                tt-image[mode=top] > img { object-position: top; } tt-image[mode=bottom] > img { object-position: bottom; }
                tt-image[mode=left] > img { object-position: left; } tt-image[mode=right] > img { object-position: right; }
                tt-image[mode="top left"] > img { object-position: top left; }
                tt-image[mode="top right"] > img { object-position: top right; }
                tt-image[mode="bottom left"] > img { object-position: bottom left; }
                tt-image[mode="bottom right"] > img { object-position: bottom right; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Image(element);
    }

    /** A {@code src} as mirrors load it: a project file by its path from the root ({@code /images/a.png}), anything else as written. */
    static String mirrorSrc(ElementContext element, String src) {
        String path = src.isEmpty() ? null : element.resolvePath(src);
        return path != null ? "/" + path : src;
    }

    private static final class Image implements ElementBehavior {
        private final ElementContext element;
        private String shownSrc;

        Image(ElementContext element) {
            this.element = element;
            this.shownSrc = element.string("src");
            check();
            announceLater();
        }

        private void announceLater() {
            String src = shownSrc;
            element.later(() -> {
                if (src.equals(shownSrc)) {
                    announce(src);
                }
            });
        }

        private void check() {
            String mode = element.string("mode");
            if (!MODES.contains(mode)) {
                element.warn("mode=\"" + mode + "\" is not an image mode; it renders as scaleToFill");
            }
        }

        @Override
        public void attributesChanged() {
            check();
            String src = element.string("src");
            if (!src.equals(shownSrc)) {
                shownSrc = src;
                element.invalidate();
                announceLater();
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            String mode = element.string("mode");
            out.put("mode", MODES.contains(mode) ? mode : "scaleToFill");
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> img = new java.util.LinkedHashMap<>();
            img.put("src", mirrorSrc(element, shownSrc));
            img.put("alt", "");
            out.open("img", img);
        }

        /** The load or error event for a newly shown src (a later src may have replaced it meanwhile). */
        private void announce(String src) {
            String path = src.isEmpty() ? null : element.resolvePath(src);
            if (src.isEmpty() || (path == null && src.contains("://"))) {
                return;
            }
            Optional<byte[]> bytes = path == null ? Optional.empty() : element.files().readBytes(path);
            if (bytes.isEmpty()) {
                element.emit("error", JsonNodeFactory.instance.objectNode().put("errMsg", "GET " + src + " 404 (Not Found)"));
                return;
            }
            int[] size = dimensions(bytes.get());
            element.emit("load", JsonNodeFactory.instance.objectNode().put("width", size[0]).put("height", size[1]));
        }

        private static int[] dimensions(byte[] image) {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers != null && readers.hasNext()) {
                    ImageReader reader = readers.next();
                    try {
                        reader.setInput(in);
                        return new int[] {reader.getWidth(0), reader.getHeight(0)};
                    } finally {
                        reader.dispose();
                    }
                }
            } catch (IOException e) {
                return new int[] {0, 0};
            }
            return new int[] {0, 0};
        }
    }
}
