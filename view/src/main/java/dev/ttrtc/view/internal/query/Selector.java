package dev.ttrtc.view.internal.query;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A CSS selector over the render tree, as far as the view supports them: a tag
 * ({@code view}, {@code my-card}), {@code #id}, {@code .class}, {@code [attr]},
 * {@code [attr=value]} (quoted or not), compounds of these, the descendant and child
 * ({@code >}) combinators, {@code >>>} (a descendant across component boundaries, for selector
 * queries), and lists ({@code a, b}). Classes and attributes are matched as the template wrote
 * them. Within an owner's scope, nodes of other owners do not match (except right of
 * {@code >>>}).
 */
public final class Selector {
    private enum Combinator { DESCENDANT, CHILD, DEEP }

    private record Compound(String tag, String id, List<String> classes, List<String[]> attributes) {
    }

    /** One selector of a list: compounds left to right, and the combinator before each (null for the first). */
    private record Complex(List<Compound> compounds, List<Combinator> combinators) {
    }

    private final List<Complex> alternatives;

    private Selector(List<Complex> alternatives) {
        this.alternatives = alternatives;
    }

    /** The elements of {@code tag} whose id is exactly {@code id}, whatever characters it holds ({@code 123}, {@code v.1}). */
    public static Selector element(String tag, String id) {
        Compound compound = new Compound(tag, id, List.of(), List.of());
        return new Selector(List.of(new Complex(List.of(compound), Collections.singletonList(null))));
    }

    /** @throws IllegalArgumentException a selector outside the supported grammar */
    public static Selector parse(String text) {
        List<Complex> list = new ArrayList<>();
        for (String part : splitList(text)) {
            list.add(complex(part.trim(), text));
        }
        return new Selector(list);
    }

    private static List<String> splitList(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Complex complex(String text, String whole) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty selector in \"" + whole + "\"");
        }
        List<Compound> compounds = new ArrayList<>();
        List<Combinator> combinators = new ArrayList<>();
        int i = 0;
        Combinator pending = null;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (pending == null && !compounds.isEmpty()) {
                    pending = Combinator.DESCENDANT;
                }
                i++;
                continue;
            }
            if (c == '>') {
                if (compounds.isEmpty()) {
                    throw new IllegalArgumentException("selector \"" + whole + "\" starts with a combinator");
                }
                if (text.startsWith(">>>", i)) {
                    pending = Combinator.DEEP;
                    i += 3;
                } else {
                    pending = Combinator.CHILD;
                    i++;
                }
                continue;
            }
            int end = i;
            int depth = 0;
            while (end < text.length()) {
                char e = text.charAt(end);
                if (e == '[') {
                    depth++;
                } else if (e == ']') {
                    depth--;
                } else if (depth == 0 && (Character.isWhitespace(e) || e == '>')) {
                    break;
                }
                end++;
            }
            if (!compounds.isEmpty() && pending == null) {
                throw new IllegalArgumentException("cannot parse selector \"" + whole + "\"");
            }
            combinators.add(pending);
            compounds.add(compound(text.substring(i, end), whole));
            pending = null;
            i = end;
        }
        if (pending != null) {
            throw new IllegalArgumentException("selector \"" + whole + "\" ends with a combinator");
        }
        return new Complex(compounds, combinators);
    }

    private static Compound compound(String text, String whole) {
        String tag = null;
        String id = null;
        List<String> classes = new ArrayList<>();
        List<String[]> attributes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#' || c == '.') {
                int end = nameEnd(text, i + 1);
                if (end == i + 1) {
                    throw new IllegalArgumentException("cannot parse selector \"" + whole + "\"");
                }
                if (c == '#') {
                    id = text.substring(i + 1, end);
                } else {
                    classes.add(text.substring(i + 1, end));
                }
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ in selector \"" + whole + "\"");
                }
                String inner = text.substring(i + 1, close).trim();
                int eq = inner.indexOf('=');
                if (eq < 0) {
                    attributes.add(new String[] {inner, null});
                } else {
                    String value = inner.substring(eq + 1).trim();
                    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    attributes.add(new String[] {inner.substring(0, eq).trim(), value});
                }
                i = close + 1;
            } else if (i == 0 && (Character.isLetter(c) || c == '*')) {
                int end = c == '*' ? 1 : nameEnd(text, 0);
                tag = c == '*' ? null : text.substring(0, end);
                i = end;
            } else {
                throw new IllegalArgumentException("unsupported selector \"" + whole + "\" (tag, #id, .class, [attr],"
                        + " [attr=value], descendant and > combinators)");
            }
        }
        return new Compound(tag, id, List.copyOf(classes), List.copyOf(attributes));
    }

    private static int nameEnd(String text, int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '-'
                || text.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    /** Every matching element from {@code root} down (root included), in document order. */
    public List<Node> selectAll(Node root, Owner scope) {
        List<Node> out = new ArrayList<>();
        if (matches(root, scope)) {
            out.add(root);
        }
        collect(root, scope, out, false);
        return out;
    }

    /** The first matching element from {@code root} down, or null. */
    public Node select(Node root, Owner scope) {
        if (matches(root, scope)) {
            return root;
        }
        List<Node> out = new ArrayList<>(1);
        collect(root, scope, out, true);
        return out.isEmpty() ? null : out.get(0);
    }

    private void collect(Node node, Owner scope, List<Node> out, boolean first) {
        for (Node child : node.children()) {
            if (child.isText()) {
                continue;
            }
            if (matches(child, scope)) {
                out.add(child);
                if (first) {
                    return;
                }
            }
            collect(child, scope, out, first);
            if (first && !out.isEmpty()) {
                return;
            }
        }
    }

    /** Whether an element matches; {@code scope} null means any owner. */
    public boolean matches(Node node, Owner scope) {
        for (Complex c : alternatives) {
            if (matches(node, c, c.compounds().size() - 1, scope, !c.combinators().contains(Combinator.DEEP))) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Node node, Complex c, int index, Owner scope, boolean scoped) {
        if (scoped && scope != null && node.owner() != scope || !matchesCompound(node, c.compounds().get(index))) {
            return false;
        }
        if (index == 0) {
            return true;
        }
        Combinator combinator = c.combinators().get(index);
        boolean leftScoped = combinator == Combinator.DEEP || scoped;
        if (combinator == Combinator.CHILD) {
            Node parent = node.parent();
            return parent != null && matches(parent, c, index - 1, scope, leftScoped);
        }
        for (Node a = node.parent(); a != null; a = a.parent()) {
            if (matches(a, c, index - 1, scope, leftScoped)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesCompound(Node node, Compound c) {
        if (node.isText() || c.tag() != null && !c.tag().equals(node.tag())) {
            return false;
        }
        Map<String, Object> attributes = node.attributes();
        if (c.id() != null && !c.id().equals(string(attributes.get("id")))) {
            return false;
        }
        if (!c.classes().isEmpty()) {
            List<String> classes = List.of(string(attributes.get("class")).trim().split("\\s+"));
            if (!classes.containsAll(c.classes())) {
                return false;
            }
        }
        for (String[] a : c.attributes()) {
            if (!attributes.containsKey(a[0]) || a[1] != null && !a[1].equals(string(attributes.get(a[0])))) {
                return false;
            }
        }
        return true;
    }

    private static String string(Object value) {
        return value == null || value == Boolean.TRUE ? "" : JsValues.toDisplayString(value);
    }
}
