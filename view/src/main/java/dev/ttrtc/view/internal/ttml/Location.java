package dev.ttrtc.view.internal.ttml;

/** A place in a project file: {@code pages/index/index.ttml:12:5} (line and column from 1). */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
