package dev.ttrtc.automator.internal;

import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XPath subset the client's {@code xpath()} is used with, over the rendered top page (whose
 * root element is {@code page}): absolute paths of {@code /} and {@code //} steps, each a tag or
 * {@code *} with predicates {@code [n]}, {@code [@a]}, {@code [@a='v']},
 * {@code [contains(@a,'v')]}, {@code [text()='v']} and {@code [contains(text(),'v')]}, where
 * {@code text()} is the element's shown text.
 */
final class XPath {
    private static final Pattern STEP = Pattern.compile("(//?)([A-Za-z][A-Za-z0-9_-]*|\\*)((?:\\[[^\\]]*\\])*)");
    private static final Pattern PREDICATE = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern POSITION = Pattern.compile("\\s*(\\d+)\\s*");
    private static final Pattern HAS = Pattern.compile("\\s*@([A-Za-z_:][A-Za-z0-9_:.-]*)\\s*");
    private static final Pattern EQUALS = Pattern.compile("\\s*(@[A-Za-z_:][A-Za-z0-9_:.-]*|text\\(\\))\\s*=\\s*(['\"])(.*)\\2\\s*");
    private static final Pattern CONTAINS = Pattern.compile("\\s*contains\\(\\s*(@[A-Za-z_:][A-Za-z0-9_:.-]*|text\\(\\))\\s*,\\s*(['\"])(.*)\\2\\s*\\)\\s*");

    private record Step(boolean descendants, String tag, List<String> predicates) {
    }

    private final List<Step> steps;

    private XPath(List<Step> steps) {
        this.steps = steps;
    }

    static XPath parse(String text) {
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text.strip());
        int at = 0;
        while (at < text.strip().length()) {
            if (!m.find(at) || m.start() != at) {
                throw unsupported(text);
            }
            List<String> predicates = new ArrayList<>();
            Matcher p = PREDICATE.matcher(m.group(3));
            while (p.find()) {
                String predicate = p.group(1);
                if (!(POSITION.matcher(predicate).matches() || HAS.matcher(predicate).matches()
                        || EQUALS.matcher(predicate).matches() || CONTAINS.matcher(predicate).matches())) {
                    throw unsupported(text);
                }
                predicates.add(predicate);
            }
            steps.add(new Step(m.group(1).equals("//"), m.group(2), predicates));
            at = m.end();
        }
        if (steps.isEmpty()) {
            throw unsupported(text);
        }
        return new XPath(steps);
    }

    private static AutomatorException unsupported(String text) {
        return AutomatorError.BAD_SELECTOR.error("XPath " + text + " is outside the supported subset (absolute paths of tags"
                + " with [n], [@a], [@a='v'], [contains(@a,'v')], [text()='v'], [contains(text(),'v')])");
    }

    /** The matching elements in document order. */
    List<ViewElement> select(InstanceView view) {
        // The document's only child is the page root.
        List<ViewElement> context = null;
        for (Step step : steps) {
            Map<Integer, ViewElement> next = new LinkedHashMap<>();
            if (context == null) {
                ViewElement root = view.$("page").orElse(null);
                if (root == null) {
                    return List.of();
                }
                List<List<ViewElement>> groups = new ArrayList<>();
                groups.add(List.of(root));
                if (step.descendants()) {
                    groups.addAll(childGroups(root, true));
                }
                groups.forEach(group -> filter(step, group).forEach(e -> next.put(e.nodeId(), e)));
            } else {
                for (ViewElement element : context) {
                    childGroups(element, step.descendants()).forEach(group -> filter(step, group).forEach(e -> next.put(e.nodeId(), e)));
                }
            }
            context = List.copyOf(next.values());
        }
        return context;
    }

    /** The children of {@code element} and, for {@code //}, of every element inside it: one list per parent. */
    private static List<List<ViewElement>> childGroups(ViewElement element, boolean deep) {
        List<List<ViewElement>> groups = new ArrayList<>();
        List<ViewElement> children = element.children();
        groups.add(children);
        if (deep) {
            children.forEach(child -> groups.addAll(childGroups(child, true)));
        }
        return groups;
    }

    private static List<ViewElement> filter(Step step, List<ViewElement> siblings) {
        List<ViewElement> matching = new ArrayList<>();
        for (ViewElement e : siblings) {
            if (step.tag().equals("*") || step.tag().equals(e.tag())) {
                matching.add(e);
            }
        }
        for (String predicate : step.predicates()) {
            Matcher position = POSITION.matcher(predicate);
            if (position.matches()) {
                int n = Integer.parseInt(position.group(1));
                matching = n >= 1 && n <= matching.size() ? List.of(matching.get(n - 1)) : List.of();
            } else {
                matching.removeIf(e -> !test(predicate, e));
            }
        }
        return matching;
    }

    private static boolean test(String predicate, ViewElement e) {
        Matcher has = HAS.matcher(predicate);
        if (has.matches()) {
            return e.attr(has.group(1)).isPresent();
        }
        Matcher equals = EQUALS.matcher(predicate);
        if (equals.matches()) {
            return equals.group(3).equals(value(equals.group(1), e));
        }
        Matcher contains = CONTAINS.matcher(predicate);
        contains.matches();
        String value = value(contains.group(1), e);
        return value != null && value.contains(contains.group(3));
    }

    /** The text, or an attribute's value; null when the attribute is absent. */
    private static String value(String operand, ViewElement e) {
        return operand.equals("text()") ? e.text() : e.attr(operand.substring(1)).orElse(null);
    }
}
