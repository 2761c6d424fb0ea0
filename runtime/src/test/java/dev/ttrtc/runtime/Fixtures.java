package dev.ttrtc.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture projects under src/test/resources/fixtures: small projects written as real ones are. */
final class Fixtures {
    private Fixtures() {
    }

    static Path project(String name) {
        Path dir = Path.of("src", "test", "resources", "fixtures", name).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no fixture project " + dir);
        }
        return dir;
    }
}
