package dev.ttrtc.view.internal.ttss;

/**
 * PLACEHOLDER until the TTSS compiler (branch ttss) merges, which owns this class: the class
 * prefix of a component definition, {@code <prefix>--<class>}. Same name and signature as the
 * TTSS helper's, so that the merge keeps theirs.
 */
public final class StyleScope {
    private StyleScope() {
    }

    /** A valid CSS identifier, stable across runs, unique per component path. */
    public static String prefixFor(String componentPath) {
        StringBuilder out = new StringBuilder("c-");
        for (char c : componentPath.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return out.toString();
    }
}
