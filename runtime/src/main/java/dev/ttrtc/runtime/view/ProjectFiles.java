package dev.ttrtc.runtime.view;

import java.util.Optional;

/** Read access to the files of a project, confined to its folder. Thread-safe. */
public interface ProjectFiles {

    /**
     * The text of a project file ({@code pages/index/index.ttml}), or empty when it does not
     * exist or lies outside the project folder.
     */
    Optional<String> readText(String relativePath);

    /** The bytes of a project file (an image), or empty as for {@link #readText}. */
    Optional<byte[]> readBytes(String relativePath);

    boolean exists(String relativePath);

    /**
     * Why the file {@code from} may not use the file {@code to}: the platform's subpackages use
     * only their own files and the main package's (independent ones only their own), and the
     * main package none of theirs. Empty when it may.
     */
    Optional<String> packageRefusal(String from, String to);
}
