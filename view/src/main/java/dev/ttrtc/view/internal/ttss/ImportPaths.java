package dev.ttrtc.view.internal.ttss;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Resolves the path an {@code @import} names to a project path, as the platform does. */
final class ImportPaths {

    private ImportPaths() {
    }

    /**
     * The project path of {@code spec} imported from {@code importingFile}: relative to that
     * file's folder ({@code "common.ttss"}, {@code "./a.ttss"}, {@code "../a.ttss"}) or to the
     * project folder when it starts with {@code /}. Empty when it leads outside the project.
     */
    static Optional<String> resolve(String importingFile, String spec) {
        Deque<String> segments = new ArrayDeque<>();
        if (!spec.startsWith("/")) {
            String[] folder = importingFile.split("/");
            for (int i = 0; i < folder.length - 1; i++) {
                segments.addLast(folder[i]);
            }
        }
        for (String segment : spec.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
    }

    /** A stylesheet on another server ({@code http:}, {@code https:}, {@code //host/…}). */
    static boolean isRemote(String spec) {
        return spec.startsWith("//") || spec.matches("(?i)^[a-z][a-z0-9+.-]*:.*");
    }
}
