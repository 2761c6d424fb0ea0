package dev.ttrtc.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a small mini-program project (pages with js, ttml, json; components) into a folder. */
final class Fixture {
    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> pages = new ArrayList<>();
    private String appJsonExtra = "";

    private Fixture(Path dir) {
        this.dir = dir;
        files.put("app.js", "App({});\n");
    }

    static Fixture in(Path dir) {
        return new Fixture(dir);
    }

    /** A page: its js and ttml (the first page added opens at launch). */
    Fixture page(String route, String js, String ttml) {
        pages.add(route);
        files.put(route + ".js", js);
        if (ttml != null) {
            files.put(route + ".ttml", ttml);
        }
        return this;
    }

    /** A component at {@code path}: js, ttml, and its json (component: true plus {@code jsonExtra}). */
    Fixture component(String path, String js, String ttml, String jsonExtra) {
        files.put(path + ".js", js);
        files.put(path + ".ttml", ttml);
        files.put(path + ".json", "{\"component\": true" + (jsonExtra.isEmpty() ? "" : ", " + jsonExtra) + "}");
        return this;
    }

    Fixture file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** Extra app.json members, e.g. {@code "usingComponents": {...}}. */
    Fixture appJson(String extra) {
        this.appJsonExtra = extra;
        return this;
    }

    Path write() {
        try {
            StringBuilder json = new StringBuilder("{\"pages\": [");
            for (int i = 0; i < pages.size(); i++) {
                json.append(i == 0 ? "" : ", ").append('"').append(pages.get(i)).append('"');
            }
            json.append("]").append(appJsonExtra.isEmpty() ? "" : ", " + appJsonExtra).append("}\n");
            files.putIfAbsent("app.json", json.toString());
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
