package dev.ttrtc.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a small mini-program project into a folder, for tests that need its exact source. */
final class ProjectFolder {
    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> pages = new ArrayList<>();

    private ProjectFolder(Path dir) {
        this.dir = dir;
        files.put("app.js", "App({});\n");
    }

    static ProjectFolder in(Path dir) {
        return new ProjectFolder(dir);
    }

    ProjectFolder app(String source) {
        files.put("app.js", source);
        return this;
    }

    /** Adds a page listed in app.json (in call order; the first is the launch page). */
    ProjectFolder page(String route, String source) {
        pages.add(route);
        files.put(route + ".js", source);
        return this;
    }

    ProjectFolder file(String relativePath, String content) {
        files.put(relativePath, content);
        return this;
    }

    Path write() {
        try {
            if (!files.containsKey("app.json")) {
                StringBuilder json = new StringBuilder("{\"pages\": [");
                for (int i = 0; i < pages.size(); i++) {
                    json.append(i == 0 ? "" : ", ").append('"').append(pages.get(i)).append('"');
                }
                files.put("app.json", json.append("]}\n").toString());
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
