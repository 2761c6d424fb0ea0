package dev.ttrtc.tools.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file the user named could not be read, in words (never the exception's class or text). */
final class FileProblems {
    private FileProblems() {
    }

    static String why(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return "the file does not exist";
        }
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (e instanceof AccessDeniedException || !Files.isReadable(file)) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return "the system could not read it";
    }
}
