package dev.ttrtc.view.internal.ttss;

import java.util.Optional;

/**
 * Where the compiler reads stylesheets from: the project's files. The view adapts the runtime's
 * project reader to it ({@code files::readText}).
 */
@FunctionalInterface
public interface StyleSources {

    /**
     * The text of a project file, or empty when there is none.
     *
     * @param projectPath relative to the project folder, {@code /}-separated, never starting with
     *     {@code /} and never leaving the folder (the compiler refuses such paths before asking),
     *     for example {@code pages/index/index.ttss}
     */
    Optional<String> read(String projectPath);
}
