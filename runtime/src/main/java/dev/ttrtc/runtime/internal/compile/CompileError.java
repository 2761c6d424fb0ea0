package dev.ttrtc.runtime.internal.compile;

/**
 * The compiler refused a file: a syntax error, with its place in the file as written.
 *
 * @param file the project-relative file
 * @param line 1-based, 0 when the compiler gave no position
 * @param column 1-based, 0 when the compiler gave no position
 * @param message the compiler's message, for example {@code Unexpected "}"}
 */
public record CompileError(String file, int line, int column, String message) {

    /** {@code pages/a.ts:3:7}, or just the file when there is no position. */
    public String location() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
