package dev.ttrtc.view.internal.ttss;

import java.util.Optional;

/** Where the compiler reads stylesheets from: the project's files, as the view's project reader has them. */
public interface StyleSources {

    /**
     * The text of a project file, or empty when there is none.
     *
     * @param projectPath relative to the project folder, {@code /}-separated, never starting with
     *     {@code /} and never leaving the folder (the compiler refuses such paths before asking),
     *     for example {@code pages/index/index.ttss}
     */
    Optional<String> read(String projectPath);

    /** Why the stylesheet {@code from} may not import {@code to} (the subpackage rules); empty when it may. */
    Optional<String> packageRefusal(String from, String to);
}
