package dev.ttrtc.bridge.simulator;

import dev.ttrtc.runtime.MiniProgram;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.MimeMappings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The shown instance's images and videos at the paths the phone frame's HTML names them by, from
 * the project root ({@code /images/a.png}). Media files only: a page of another site could run a
 * project's script straight from 127.0.0.1, so code and data stay off the network. Undertow's
 * resource handler answers range requests, which a video needs to seek.
 */
final class ProjectMedia implements HttpHandler {
    /** What image and video elements show, by extension. */
    static final MimeMappings TYPES = MimeMappings.builder(false)
            .addMapping("png", "image/png").addMapping("jpg", "image/jpeg").addMapping("jpeg", "image/jpeg")
            .addMapping("gif", "image/gif").addMapping("webp", "image/webp").addMapping("svg", "image/svg+xml")
            .addMapping("bmp", "image/bmp").addMapping("ico", "image/x-icon")
            .addMapping("mp4", "video/mp4").addMapping("m4v", "video/mp4").addMapping("mov", "video/quicktime")
            .addMapping("webm", "video/webm").addMapping("ogv", "video/ogg").addMapping("ogg", "audio/ogg")
            .addMapping("m3u8", "application/vnd.apple.mpegurl").addMapping("mp3", "audio/mpeg")
            .addMapping("m4a", "audio/mp4").addMapping("aac", "audio/aac").addMapping("wav", "audio/wav")
            .build();

    private final Supplier<MiniProgram> shown;
    /**
     * The handler of the root served last: the frame shows one instance at a time, and a host
     * that shows many projects in turn keeps no handler per project it ever showed.
     */
    private final AtomicReference<RootFiles> current = new AtomicReference<>();

    private record RootFiles(Path root, ResourceHandler handler) {}

    ProjectMedia(Supplier<MiniProgram> shown) {
        this.shown = shown;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        MiniProgram program = shown.get();
        String path = exchange.getRelativePath();
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean reading = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        if (program == null || !reading || path.lastIndexOf('.') < path.lastIndexOf('/') || TYPES.getMimeType(extension) == null) {
            ResponseCodeHandler.HANDLE_404.handleRequest(exchange);
            return;
        }
        // A file is only ever media: never sniffed as something else, and an SVG opened on its own runs no script.
        exchange.getResponseHeaders().put(Headers.X_CONTENT_TYPE_OPTIONS, "nosniff")
                .put(Headers.CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
        filesOf(program.projectRoot()).handleRequest(exchange);
    }

    private ResourceHandler filesOf(Path root) {
        RootFiles files = current.get();
        if (files == null || !files.root().equals(root)) {
            // PathResourceManager keeps requests inside the root and follows no links out of it.
            files = new RootFiles(root, new ResourceHandler(new PathResourceManager(root))
                    .setMimeMappings(TYPES).setDirectoryListingEnabled(false));
            current.set(files);
        }
        return files.handler();
    }
}
