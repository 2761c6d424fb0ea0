package dev.ttrtc.view.internal.ttss;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project's stylesheets held in memory; records every path the compiler asks for. */
final class ProjectFilesInMemory implements StyleSources {
    private final Map<String, String> files = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    ProjectFilesInMemory with(String path, String text) {
        files.put(path, text);
        return this;
    }

    @Override
    public Optional<String> read(String projectPath) {
        reads.add(projectPath);
        return Optional.ofNullable(files.get(projectPath));
    }

    /** One package: every file may use every other. */
    @Override
    public Optional<String> packageRefusal(String from, String to) {
        return Optional.empty();
    }

    List<String> reads() {
        return reads;
    }
}
