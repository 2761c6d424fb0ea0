package dev.ttrtc.bridge.engine;

/** How the id types show a value they refused: quoted, or null. */
final class IdText {
    private IdText() {
    }

    static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
