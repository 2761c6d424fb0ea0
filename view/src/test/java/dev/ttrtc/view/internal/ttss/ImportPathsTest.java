package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportPathsTest {

    @Test
    void relative_to_the_importing_files_folder() {
        assertEquals(Optional.of("pages/a/b.ttss"), ImportPaths.resolve("pages/a/a.ttss", "b.ttss"));
        assertEquals(Optional.of("pages/a/b.ttss"), ImportPaths.resolve("pages/a/a.ttss", "./b.ttss"));
        assertEquals(Optional.of("pages/b.ttss"), ImportPaths.resolve("pages/a/a.ttss", "../b.ttss"));
        assertEquals(Optional.of("b.ttss"), ImportPaths.resolve("app.ttss", "b.ttss"));
    }

    @Test
    void absolute_from_the_project_folder() {
        assertEquals(Optional.of("styles/b.ttss"), ImportPaths.resolve("pages/a/a.ttss", "/styles/b.ttss"));
        assertEquals(Optional.of("styles/b.ttss"), ImportPaths.resolve("pages/a/a.ttss", "/styles//./b.ttss"));
    }

    @Test
    void never_outside_the_project() {
        assertEquals(Optional.empty(), ImportPaths.resolve("app.ttss", "../b.ttss"));
        assertEquals(Optional.empty(), ImportPaths.resolve("pages/a/a.ttss", "/../b.ttss"));
        assertEquals(Optional.empty(), ImportPaths.resolve("pages/a/a.ttss", "../../../b.ttss"));
        assertEquals(Optional.empty(), ImportPaths.resolve("pages/a/a.ttss", "/"));
    }

    @Test
    void remote_stylesheets() {
        assertTrue(ImportPaths.isRemote("https://example.com/a.css"));
        assertTrue(ImportPaths.isRemote("HTTP://example.com/a.css"));
        assertTrue(ImportPaths.isRemote("//cdn.example.com/a.css"));
        assertFalse(ImportPaths.isRemote("/styles/a.ttss"));
        assertFalse(ImportPaths.isRemote("a.ttss"));
    }
}
