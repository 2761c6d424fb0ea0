package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.spi.AttributeSpec;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import dev.ttrtc.view.spi.ElementContext;
import dev.ttrtc.view.spi.HtmlOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <video>}: shown as an HTML video where a browser renders the page (the simulator), which
 * plays it and reports what happens: {@code play}, {@code pause}, {@code ended}, {@code waiting},
 * {@code error} and {@code timeupdate} with {@code {currentTime, duration}} reach the page as the
 * element's events. Headless, nothing decodes the file, so none of those fire. {@code src} is
 * resolved like an image's. {@code VideoContext} methods are commands: each becomes the element's
 * value ({@code {command, position, seq, fullScreen, muted, loop, controls}}), which a mirror
 * applies to its video, the command once per {@code seq}; a changed {@code muted}, {@code loop}
 * or {@code controls} comes the same way, so a playing video keeps playing. Full screen is view state: {@code requestFullScreen()} / {@code exitFullScreen()}
 * fire {@code fullscreenchange} with {@code {fullScreen, direction}} (the platform fixes the
 * direction to landscape).
 */
final class VideoComponent implements ComponentProvider {
    static final Set<String> OBJECT_FITS = Set.of("contain", "fill", "cover");

    @Override
    public String tag() {
        return "video";
    }

    @Override
    public List<AttributeSpec> attributes() {
        return List.of(AttributeSpec.string("src", ""), AttributeSpec.bool("autoplay", false), AttributeSpec.string("poster", ""),
                AttributeSpec.bool("loop", false), AttributeSpec.bool("show-fullscreen-btn", true),
                AttributeSpec.bool("show-play-btn", true), AttributeSpec.bool("controls", true),
                AttributeSpec.string("object-fit", "contain"), AttributeSpec.string("play-btn-position", "center"),
                AttributeSpec.string("pre-roll-unit-id", ""), AttributeSpec.string("post-roll-unit-id", ""),
                AttributeSpec.bool("vslide-gesture", false), AttributeSpec.bool("vslide-gesture-in-fullscreen", true),
                AttributeSpec.bool("enable-progress-gesture", false), AttributeSpec.bool("enable-play-gesture", false),
                AttributeSpec.bool("muted", false), AttributeSpec.bool("show-mute-btn", false),
                AttributeSpec.bool("show-playback-rate-btn", false), AttributeSpec.number("direction", -90),
                AttributeSpec.bool("enable-play-in-background", false));
    }

    @Override
    public String baseCss() {
        return """
                tt-video { display: inline-block; width: 300px; height: 225px; background: #000; overflow: hidden; }
                tt-video > video { display: block; width: 100%; height: 100%; object-fit: contain; }
                tt-video[object-fit=fill] > video { object-fit: fill; }
                tt-video[object-fit=cover] > video { object-fit: cover; }
                tt-video[full-screen] { position: fixed; inset: 0; width: 100%; height: 100%; z-index: 1000; }""";
    }

    @Override
    public ElementBehavior create(ElementContext element) {
        return new Video(element);
    }

    static final class Video implements ElementBehavior {
        private final ElementContext element;
        /** src and poster as rendered: a change renders the video anew. */
        private String shownSources;
        private String command = "";
        private double position;
        private int seq;
        private boolean fullScreen;

        Video(ElementContext element) {
            this.element = element;
            this.shownSources = sources();
            check();
        }

        private void check() {
            String fit = element.string("object-fit");
            if (!OBJECT_FITS.contains(fit)) {
                element.warn("object-fit=\"" + fit + "\" is not contain, fill or cover; it renders as contain");
            }
        }

        private String sources() {
            return element.string("src") + "\n" + element.string("poster");
        }

        /** New sources need a new video; the playing one takes muted, loop and controls from the value. */
        @Override
        public void attributesChanged() {
            check();
            String sources = sources();
            if (!sources.equals(shownSources)) {
                shownSources = sources;
                element.invalidate();
            } else {
                element.valueChanged();
            }
        }

        @Override
        public void htmlAttributes(Map<String, String> out) {
            String fit = element.string("object-fit");
            out.put("object-fit", OBJECT_FITS.contains(fit) ? fit : "contain");
            if (fullScreen) {
                out.put("full-screen", "");
            }
        }

        @Override
        public boolean showsChildren() {
            return false;
        }

        @Override
        public void innerHtml(HtmlOut out) {
            Map<String, String> video = new LinkedHashMap<>();
            video.put("src", ImageComponent.mirrorSrc(element, element.string("src")));
            if (!element.string("poster").isEmpty()) {
                video.put("poster", ImageComponent.mirrorSrc(element, element.string("poster")));
            }
            for (String flag : List.of("controls", "loop", "muted", "autoplay")) {
                if (element.bool(flag)) {
                    video.put(flag, "");
                }
            }
            video.put("playsinline", "");
            video.put("preload", "metadata");
            out.open("video", video).close("video");
        }

        @Override
        public JsonNode value() {
            return JsonNodeFactory.instance.objectNode().put("command", command).put("position", position).put("seq", seq)
                    .put("fullScreen", fullScreen).put("muted", element.bool("muted")).put("loop", element.bool("loop"))
                    .put("controls", element.bool("controls"));
        }

        @Override
        public void command(String name, JsonNode args) {
            switch (name) {
                case "play", "pause", "stop" -> send(name, 0);
                case "seek" -> {
                    double to = args.path(0).asDouble(Double.NaN);
                    if (!Double.isFinite(to) || to < 0) {
                        element.warn("VideoContext.seek(" + args.path(0) + "): the position must be a number of seconds, 0 or more");
                        return;
                    }
                    send("seek", to);
                }
                case "requestFullScreen" -> fullScreen(true);
                case "exitFullScreen" -> fullScreen(false);
                default -> throw new IllegalArgumentException("VideoContext has no " + name + "()");
            }
        }

        private void send(String name, double at) {
            command = name;
            position = at;
            seq++;
            element.valueChanged();
        }

        private void fullScreen(boolean on) {
            if (fullScreen == on) {
                return;
            }
            fullScreen = on;
            // A value, not new inner HTML: a mirror's video keeps playing.
            element.valueChanged();
            ObjectNode detail = JsonNodeFactory.instance.objectNode().put("fullScreen", on).put("direction", "horizontal");
            element.later(() -> element.emit("fullscreenchange", detail));
        }

        /** What a mirror's video reported: timeupdate carries {currentTime, duration} in seconds; the others nothing. */
        @Override
        public JsonNode eventDetail(String type, JsonNode given) {
            if (type.equals("timeupdate")) {
                return JsonNodeFactory.instance.objectNode().put("currentTime", given.path("currentTime").asDouble(0))
                        .put("duration", given.path("duration").asDouble(0));
            }
            if (type.equals("error")) {
                return JsonNodeFactory.instance.objectNode().put("errMsg", given.path("errMsg").asText("the video cannot be played"));
            }
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
