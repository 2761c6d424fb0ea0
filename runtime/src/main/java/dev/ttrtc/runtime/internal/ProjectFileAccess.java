package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.view.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The view's read access to a project's files, confined to the project folder. */
final class ProjectFileAccess implements ProjectFiles {
    private final Project project;

    ProjectFileAccess(Project project) {
        this.project = project;
    }

    @Override
    public Optional<String> readText(String relativePath) {
        return readBytes(relativePath).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<byte[]> readBytes(String relativePath) {
        Optional<Path> file = project.resolveInside(relativePath).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String relativePath) {
        return project.resolveInside(relativePath).filter(Files::isRegularFile).isPresent();
    }

    @Override
    public Optional<String> packageRefusal(String from, String to) {
        return project.packageRefusal(from, to);
    }
}
