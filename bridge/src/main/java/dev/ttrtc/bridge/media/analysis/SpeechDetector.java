package dev.ttrtc.bridge.media.analysis;

/**
 * Decides whether someone speaks from the level of each 10 ms frame: speaking starts once the
 * level stays above the threshold for the attack time, and stops once it stays below for the
 * hangover time (so the short pauses between words do not end a turn). Not thread-safe.
 */
public final class SpeechDetector {
    public static final double DEFAULT_THRESHOLD_DBOV = -45;
    public static final int DEFAULT_ATTACK_MILLIS = 30;
    public static final int DEFAULT_HANGOVER_MILLIS = 400;

    private final double thresholdDbov;
    private final int attackFrames;
    private final int hangoverFrames;
    private boolean speaking;
    private int loudRun;
    private int quietRun;

    public SpeechDetector() {
        this(DEFAULT_THRESHOLD_DBOV, DEFAULT_ATTACK_MILLIS, DEFAULT_HANGOVER_MILLIS);
    }

    public SpeechDetector(double thresholdDbov, int attackMillis, int hangoverMillis) {
        this.thresholdDbov = thresholdDbov;
        this.attackFrames = Math.max(1, attackMillis / 10);
        this.hangoverFrames = Math.max(1, hangoverMillis / 10);
    }

    /** Takes the next frame's level; returns whether the speaker is speaking after it. */
    public boolean offer(double dbov) {
        if (dbov > thresholdDbov) {
            loudRun++;
            quietRun = 0;
            if (!speaking && loudRun >= attackFrames) {
                speaking = true;
            }
        } else {
            quietRun++;
            loudRun = 0;
            if (speaking && quietRun >= hangoverFrames) {
                speaking = false;
            }
        }
        return speaking;
    }

    public boolean speaking() {
        return speaking;
    }

    /** Forgets the history (capture stopped): not speaking. */
    public void reset() {
        speaking = false;
        loudRun = 0;
        quietRun = 0;
    }
}
