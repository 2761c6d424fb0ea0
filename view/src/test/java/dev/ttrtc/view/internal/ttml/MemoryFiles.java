package dev.ttrtc.view.internal.ttml;

import dev.ttrtc.runtime.view.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Project files held in memory, for compiler tests. */
final class MemoryFiles implements ProjectFiles {
    private final Map<String, String> files = new HashMap<>();

    MemoryFiles put(String path, String text) {
        files.put(path, text);
        return this;
    }

    @Override
    public Optional<String> readText(String relativePath) {
        return Optional.ofNullable(files.get(relativePath));
    }

    @Override
    public Optional<byte[]> readBytes(String relativePath) {
        return readText(relativePath).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean exists(String relativePath) {
        return files.containsKey(relativePath);
    }

    /** One package: the subpackage rule is the runtime's, tested with real projects. */
    @Override
    public Optional<String> packageRefusal(String from, String to) {
        return Optional.empty();
    }
}
