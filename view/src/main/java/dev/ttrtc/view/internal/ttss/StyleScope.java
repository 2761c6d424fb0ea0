package dev.ttrtc.view.internal.ttss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The naming conventions the HTML output and the TTSS compiler share, in one place: the HTML
 * element of a TTML tag, the class names of a component definition's template, and how a
 * component's host element is marked for {@code :host}.
 *
 * <p>A page scope (app and page styles) leaves classes as written. A component scope belongs to
 * one component definition (its path) and rewrites each class {@code c} written in its template
 * and its TTSS to {@code <prefix>--c}, per its {@link StyleIsolation}. Immutable.
 */
public final class StyleScope {

    /**
     * The attribute every custom component's host element carries, valued with the prefix of its
     * definition, so that the component's {@code :host} rule can select it:
     * {@code <my-card tt-host="card-1a2b3c4d5e">}.
     */
    public static final String HOST_ATTRIBUTE = "tt-host";

    /**
     * Built-in components whose names contain a hyphen. Other hyphenated names in a TTSS element
     * selector are custom components, whose host elements keep the tag the template wrote.
     */
    private static final Set<String> HYPHENATED_BUILT_INS = Set.of(
            "scroll-view", "swiper-item", "movable-area", "movable-view", "cover-view", "cover-image",
            "checkbox-group", "radio-group", "picker-view", "picker-view-column", "rich-text",
            "web-view", "live-player", "rtc-room");

    private static final String SEPARATOR = "--";
    private static final int STEM_LENGTH = 24;
    private static final int HASH_HEX_DIGITS = 10;

    private static final StyleScope PAGE = new StyleScope("", null);

    private final String prefix;
    private final StyleIsolation isolation;

    private StyleScope(String prefix, StyleIsolation isolation) {
        this.prefix = prefix;
        this.isolation = isolation;
    }

    /** The scope of {@code app.ttss} and page styles: names stay as written. */
    public static StyleScope page() {
        return PAGE;
    }

    /**
     * The scope of one component definition.
     *
     * @param componentPath its project path without extension ({@code components/card/card});
     *     a leading {@code /} is ignored
     */
    public static StyleScope component(String componentPath, StyleIsolation isolation) {
        return new StyleScope(prefixFor(componentPath), Objects.requireNonNull(isolation, "isolation"));
    }

    /**
     * The class prefix of a component definition: a readable stem from its path and 10 hex
     * digits of the path's SHA-256, for example {@code card-3233a8458a} for
     * {@code components/card/card}. A valid CSS identifier that never contains {@code --} (so
     * {@code <prefix>--<class>} splits one way only), the same in every run, and different for
     * different paths (a collision needs two paths agreeing on 40 bits of their hash).
     */
    public static String prefixFor(String componentPath) {
        String path = normalise(componentPath);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty component path");
        }
        return stem(path) + "-" + hash(path);
    }

    /**
     * The HTML element name of a TTML tag: every built-in {@code x} (and any name without a
     * hyphen, so that no TTSS selector ever reaches the simulator's own HTML) becomes
     * {@code tt-x}; a custom component keeps its name.
     */
    public static String elementName(String ttmlTag) {
        String tag = ttmlTag.toLowerCase(Locale.ROOT);
        return tag.indexOf('-') < 0 || HYPHENATED_BUILT_INS.contains(tag) ? "tt-" + tag : tag;
    }

    public boolean isComponent() {
        return isolation != null;
    }

    /** The component's class prefix; empty for the page scope. */
    public String prefix() {
        return prefix;
    }

    /** The component's isolation; {@code null} for the page scope. */
    public StyleIsolation isolation() {
        return isolation;
    }

    /**
     * The class names an element of this scope's template carries in HTML for one class written
     * in its {@code class} attribute: {@code c} in a page; {@code <prefix>--c} in an isolated
     * component; both in an apply-shared one (page styles reach it); {@code c} in a shared one.
     */
    public List<String> htmlClasses(String className) {
        if (isolation == null || isolation == StyleIsolation.SHARED) {
            return List.of(className);
        }
        String scoped = prefix + SEPARATOR + className;
        return isolation == StyleIsolation.APPLY_SHARED ? List.of(scoped, className) : List.of(scoped);
    }

    /** The class a {@code .c} selector of this scope's TTSS selects. */
    public String selectorClass(String className) {
        return isolation == null || isolation == StyleIsolation.SHARED ? className : prefix + SEPARATOR + className;
    }

    /** The attribute selector {@code :host} compiles to: {@code [tt-host="<prefix>"]}. */
    public String hostSelector() {
        if (isolation == null) {
            throw new IllegalStateException("a page has no host element");
        }
        return "[" + HOST_ATTRIBUTE + "=\"" + prefix + "\"]";
    }

    private static String normalise(String componentPath) {
        String path = componentPath;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }

    /** The last path segment, or its folder's name for {@code …/index}, as an identifier. */
    private static String stem(String path) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        if (name.equals("index") && segments.length > 1) {
            name = segments[segments.length - 2];
        }
        String stem = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (stem.length() > STEM_LENGTH) {
            stem = stem.substring(0, STEM_LENGTH).replaceAll("-+$", "");
        }
        if (stem.isEmpty()) {
            return "c";
        }
        return Character.isLetter(stem.charAt(0)) ? stem : "c-" + stem;
    }

    private static String hash(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StyleScope scope && prefix.equals(scope.prefix) && isolation == scope.isolation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, isolation);
    }

    @Override
    public String toString() {
        return isolation == null ? "page scope" : "component scope " + prefix + " (" + isolation.wireName() + ")";
    }
}
