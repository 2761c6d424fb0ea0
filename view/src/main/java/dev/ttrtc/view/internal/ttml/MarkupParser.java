package dev.ttrtc.view.internal.ttml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses TTML markup into {@link RawNode}s with the file, line and column of every element,
 * attribute and text. Elements must be closed ({@code </view>} or {@code <view/>}), except that
 * elements still open at the end of the file end there with a warning (ByteDance's own demo
 * ships such a file); {@code <!-- -->} comments are dropped; {@code <sjs>} content is kept raw. A {@code {{ }}}
 * binding may hold {@code <}, {@code >} and quotes of either kind. Whitespace-only text between
 * elements is dropped.
 */
final class MarkupParser {
    private final String file;
    private final String src;
    private final Warnings warnings;
    private int pos;
    private int line = 1;
    private int lineStart;

    private MarkupParser(String file, String src, Warnings warnings) {
        this.file = file;
        this.src = src;
        this.warnings = warnings;
    }

    static List<RawNode> parse(String file, String source, Warnings warnings) throws TemplateException {
        return new MarkupParser(file, source.startsWith("\uFEFF") ? source.substring(1) : source, warnings).document();
    }

    private Location here() {
        return new Location(file, line, pos - lineStart + 1);
    }

    private TemplateException error(Location at, String message) {
        return new TemplateException(at, message);
    }

    private void advance(int count) {
        for (int i = 0; i < count && pos < src.length(); i++) {
            if (src.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private List<RawNode> document() throws TemplateException {
        List<RawNode> roots = new ArrayList<>();
        Deque<RawNode.Element> open = new ArrayDeque<>();
        while (pos < src.length()) {
            List<RawNode> target = open.isEmpty() ? roots : open.peek().children();
            if (startsWith("<!--")) {
                Location at = here();
                int end = src.indexOf("-->", pos + 4);
                if (end < 0) {
                    throw error(at, "the comment is not closed (-->)");
                }
                advance(end + 3 - pos);
            } else if (startsWith("</")) {
                Location at = here();
                advance(2);
                String name = name();
                skipSpace();
                if (!startsWith(">")) {
                    throw error(here(), "expected > to close </" + name);
                }
                advance(1);
                if (open.isEmpty()) {
                    throw error(at, "</" + name + "> closes nothing");
                }
                if (!open.peek().name().equals(name)) {
                    throw error(at, "</" + name + "> does not match <" + open.peek().name() + "> at "
                            + open.peek().location().line() + ":" + open.peek().location().column());
                }
                open.pop();
            } else if (startsWith("<") && pos + 1 < src.length() && isNameStart(src.charAt(pos + 1))) {
                RawNode.Element element = startTag(target);
                if (element != null) {
                    open.push(element);
                }
            } else {
                text(target);
            }
        }
        for (RawNode.Element unclosed : open) {
            warnings.warn(unclosed.location(), "<" + unclosed.name() + "> is not closed; it ends with the file");
        }
        return roots;
    }

    /** Reads a start tag; returns the element when it stays open for children. */
    private RawNode.Element startTag(List<RawNode> target) throws TemplateException {
        Location at = here();
        advance(1);
        String name = name();
        List<RawNode.Attribute> attributes = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                throw error(at, "<" + name + " is not finished (missing >)");
            }
            if (startsWith("/>")) {
                advance(2);
                target.add(new RawNode.Element(name, attributes, at));
                return null;
            }
            if (startsWith(">")) {
                advance(1);
                break;
            }
            attributes.add(attribute(name, attributes));
        }
        if (name.equals("sjs")) {
            return rawContentElement(name, attributes, at, target);
        }
        RawNode.Element element = new RawNode.Element(name, attributes, at);
        target.add(element);
        return element;
    }

    private RawNode.Element rawContentElement(String name, List<RawNode.Attribute> attributes, Location at,
            List<RawNode> target) throws TemplateException {
        Location contentAt = here();
        int end = src.indexOf("</" + name, pos);
        if (end < 0) {
            throw error(at, "<" + name + "> is not closed");
        }
        String content = src.substring(pos, end);
        advance(end - pos);
        advance(2 + name.length());
        skipSpace();
        if (!startsWith(">")) {
            throw error(here(), "expected > to close </" + name);
        }
        advance(1);
        target.add(new RawNode.Element(name, attributes, new ArrayList<>(), at, content, contentAt));
        return null;
    }

    private RawNode.Attribute attribute(String tag, List<RawNode.Attribute> seen) throws TemplateException {
        Location at = here();
        if (!isNameStart(src.charAt(pos))) {
            throw error(at, "unexpected '" + src.charAt(pos) + "' in <" + tag + ">");
        }
        String name = name();
        for (RawNode.Attribute a : seen) {
            if (a.name().equals(name)) {
                throw error(at, "duplicate attribute " + name + " on <" + tag + ">");
            }
        }
        skipSpace();
        if (!startsWith("=")) {
            return new RawNode.Attribute(name, null, at, at);
        }
        advance(1);
        skipSpace();
        if (pos >= src.length() || (src.charAt(pos) != '"' && src.charAt(pos) != '\'')) {
            return unquotedValue(name, at);
        }
        char quote = src.charAt(pos);
        advance(1);
        Location valueAt = here();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error(at, "the value of " + name + " is not closed (" + quote + ")");
            }
            if (binding(value)) {
                continue;
            }
            char c = src.charAt(pos);
            if (c == quote) {
                advance(1);
                break;
            }
            value.append(c);
            advance(1);
        }
        return new RawNode.Attribute(name, value.toString(), at, valueAt);
    }

    /**
     * A value written without quotes ({@code autoplay={{playing}}}, {@code class=title}), as the
     * platform's own demo writes some: it runs to a space, {@code >} or {@code />}, bindings whole.
     */
    private RawNode.Attribute unquotedValue(String name, Location at) throws TemplateException {
        Location valueAt = here();
        StringBuilder value = new StringBuilder();
        while (pos < src.length() && !Character.isWhitespace(src.charAt(pos)) && !startsWith(">") && !startsWith("/>")) {
            if (binding(value)) {
                continue;
            }
            char c = src.charAt(pos);
            if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
                throw error(here(), "unexpected " + c + " in the unquoted value of " + name);
            }
            value.append(c);
            advance(1);
        }
        if (value.isEmpty()) {
            throw error(valueAt, "the value of " + name + " is missing");
        }
        return new RawNode.Attribute(name, value.toString(), at, valueAt);
    }

    /** At a {@code {{}}, copies the whole binding (it may hold quotes, {@code <} and {@code >}) and says so. */
    private boolean binding(StringBuilder into) throws TemplateException {
        if (!startsWith("{{")) {
            return false;
        }
        int end = Bindings.endOf(src, pos + 2);
        if (end < 0) {
            throw error(here(), "{{ is not closed with }}");
        }
        into.append(src, pos, end + 2);
        advance(end + 2 - pos);
        return true;
    }

    private void text(List<RawNode> target) throws TemplateException {
        Location at = here();
        StringBuilder text = new StringBuilder();
        while (pos < src.length()) {
            if (binding(text)) {
                continue;
            }
            if (src.charAt(pos) == '<' && (startsWith("<!--") || startsWith("</")
                    || (pos + 1 < src.length() && isNameStart(src.charAt(pos + 1))))) {
                break;
            }
            text.append(src.charAt(pos));
            advance(1);
        }
        if (!text.toString().isBlank()) {
            target.add(new RawNode.Text(text.toString(), at));
        }
    }

    private String name() throws TemplateException {
        int start = pos;
        while (pos < src.length() && isNameChar(src.charAt(pos))) {
            advance(1);
        }
        if (start == pos) {
            throw error(here(), "expected a tag or attribute name");
        }
        return src.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            advance(1);
        }
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ':' || c == '.';
    }
}
