package dev.ttrtc.bench;

import dev.ttrtc.bridge.signal.DevelopmentApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mini-program projects benchmarks launch: the repository's sample, and tiny generated ones
 * that isolate one cost (a project with no RTC at all; one that only joins and listens).
 */
public final class Projects {
    /** Set by {@code bench/run}; the working directory otherwise. */
    public static final String ROOT_PROPERTY = "tt.bench.root";

    private Projects() {
    }

    public static Path root() {
        return Path.of(System.getProperty(ROOT_PROPERTY, ".")).toAbsolutePath().normalize();
    }

    /** The repository's sample-miniapp (creates an RTC room context at launch). */
    public static Path sample() {
        Path dir = root().resolve("sample-miniapp");
        if (!Files.isRegularFile(dir.resolve("app.json"))) {
            throw new IllegalStateException("sample-miniapp not found under " + root()
                    + " (run from the repository root or set -D" + ROOT_PROPERTY + ")");
        }
        return dir;
    }

    /** One page that sets one value: the cost of the runtime alone, without RTC. */
    public static Path minimal() {
        return write("minimal", Map.of(
                "app.json", "{\"pages\": [\"pages/index/index\"]}",
                "app.js", "App({ onLaunch() {} });",
                "pages/index/index.js", "Page({ data: { ready: false }, onLoad() { this.setData({ ready: true }); } });"));
    }

    /**
     * Joins the room given in its launch query (roomId, userId, token) without capturing anything,
     * and shows the member and speaker lists: the JS side of a listener in a room.
     */
    public static Path listener() {
        return write("listener", Map.of(
                "app.json", "{\"pages\": [\"pages/room/room\"]}",
                "app.js", "App({ globalData: {}, onLaunch() {"
                        + " this.globalData.rtc = tt.createRtcRoomContext({ appId: '" + DevelopmentApp.APP_ID + "' }); } });",
                "pages/room/room.js", String.join("\n",
                        "Page({",
                        "  data: { joined: false, members: [], speakers: [] },",
                        "  onLoad(query) {",
                        "    const rtc = getApp().globalData.rtc;",
                        "    rtc.onRtcChatMembersChanged((res) => this.setData({ members: res.userIdList }));",
                        "    rtc.onRtcChatSpeakersChanged((res) => this.setData({ speakers: res.userIdList }));",
                        "    rtc.joinRtcRoom({ roomId: query.roomId, userId: query.userId, token: query.token,",
                        "      success: () => this.setData({ joined: true }),",
                        "      fail: (err) => console.error('join failed', err.errMsg) });",
                        "  }",
                        "});")));
    }

    private static Path write(String name, Map<String, String> files) {
        try {
            Path dir = Files.createTempDirectory("tt-bench-" + name + "-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "bench-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
