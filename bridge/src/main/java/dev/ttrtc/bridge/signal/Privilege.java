package dev.ttrtc.bridge.signal;

/** The privileges a "001" token grants, with their wire keys. */
public enum Privilege {
    PUBLISH_STREAM(0),
    PUBLISH_AUDIO_STREAM(1),
    PUBLISH_VIDEO_STREAM(2),
    PUBLISH_DATA_STREAM(3),
    SUBSCRIBE_STREAM(4);

    private final int key;

    Privilege(int key) {
        this.key = key;
    }

    public int key() {
        return key;
    }

    /** The privilege with this wire key, or null for a key this host does not know. */
    public static Privilege ofKey(int key) {
        for (Privilege p : values()) {
            if (p.key == key) {
                return p;
            }
        }
        return null;
    }
}
