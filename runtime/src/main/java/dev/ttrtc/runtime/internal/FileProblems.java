package dev.ttrtc.runtime.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Why a project file could not be read, in words for the user (never Java's "Input length = 1"). */
public final class FileProblems {
    private FileProblems() {
    }

    /** As {@link #reason(IOException)}; reading a folder fails with a bare "Is a directory", so the path is looked at first. */
    public static String reason(Path file, IOException e) {
        return Files.isDirectory(file) ? "it is a folder, not a file" : reason(e);
    }

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "an input/output error";
    }
}
