package dev.ttrtc.view.internal.ttml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The directives of one element: {@code tt:for} with {@code tt:for-item}, {@code tt:for-index}
 * and {@code tt:key} (a field name or {@code *this}, never a binding), and one of
 * {@code tt:if}, {@code tt:elif}, {@code tt:else}.
 */
record Directives(Interpolation forItems, String itemName, String indexName, TNode.Key key, Interpolation ifCondition,
        Interpolation elif, boolean isElse) {

    static final Set<String> NAMES = Set.of("tt:for", "tt:for-item", "tt:for-index", "tt:key", "tt:if", "tt:elif", "tt:else",
            "tt:for-items");

    static Directives of(RawNode.Element e, Set<String> sjsNames, Warnings warnings) throws TemplateException {
        Map<String, RawNode.Attribute> found = new LinkedHashMap<>();
        for (RawNode.Attribute a : e.attributes()) {
            if (NAMES.contains(a.name())) {
                found.put(a.name().equals("tt:for-items") ? "tt:for" : a.name(), a);
            }
        }
        Interpolation forItems = null;
        String itemName = "item";
        String indexName = "index";
        TNode.Key key = null;
        RawNode.Attribute forAttr = found.get("tt:for");
        if (forAttr != null) {
            forItems = Bindings.parse(required(forAttr), forAttr.valueLocation(), sjsNames, ExprParser.Place.VALUE);
            if (found.containsKey("tt:for-item")) {
                itemName = plainName(found.get("tt:for-item"));
            }
            if (found.containsKey("tt:for-index")) {
                indexName = plainName(found.get("tt:for-index"));
            }
            if (found.containsKey("tt:key")) {
                key = key(found.get("tt:key"), itemName, indexName, warnings);
            }
        } else {
            for (String loopOnly : List.of("tt:for-item", "tt:for-index", "tt:key")) {
                if (found.containsKey(loopOnly)) {
                    warnings.warn(found.get(loopOnly).location(), loopOnly + " without tt:for is ignored");
                }
            }
        }
        RawNode.Attribute ifAttr = found.get("tt:if");
        RawNode.Attribute elifAttr = found.get("tt:elif");
        RawNode.Attribute elseAttr = found.get("tt:else");
        int conditions = (ifAttr != null ? 1 : 0) + (elifAttr != null ? 1 : 0) + (elseAttr != null ? 1 : 0);
        if (conditions > 1) {
            throw new TemplateException(e.location(), "an element takes only one of tt:if, tt:elif and tt:else");
        }
        Interpolation ifCondition = ifAttr == null ? null
                : Bindings.parse(required(ifAttr), ifAttr.valueLocation(), sjsNames, ExprParser.Place.VALUE);
        Interpolation elif = elifAttr == null ? null
                : Bindings.parse(required(elifAttr), elifAttr.valueLocation(), sjsNames, ExprParser.Place.VALUE);
        return new Directives(forItems, itemName, indexName, key, ifCondition, elif, elseAttr != null);
    }

    private static String required(RawNode.Attribute a) throws TemplateException {
        if (a.value() == null || a.value().isBlank()) {
            throw new TemplateException(a.location(), a.name() + " needs a value");
        }
        return a.value();
    }

    private static String plainName(RawNode.Attribute a) throws TemplateException {
        String value = required(a).strip();
        if (!TtmlCompiler.IDENTIFIER.matcher(value).matches()) {
            throw new TemplateException(a.location(), a.name() + " takes a plain variable name, not \"" + a.value() + "\"");
        }
        return value;
    }

    private static TNode.Key key(RawNode.Attribute a, String itemName, String indexName, Warnings warnings) throws TemplateException {
        String value = required(a).strip();
        if (value.equals("*this")) {
            return new TNode.Key(true, null, a.location());
        }
        if (value.contains("{{")) {
            warnings.warn(a.location(), "tt:key is the name of a field of each item, not a binding: \"" + value
                    + "\" reads item['" + value + "']; write " + keyMeant(value, itemName, indexName));
        }
        return new TNode.Key(false, value, a.location());
    }

    /**
     * The key a binding most likely meant: {@code {{unique}}} and {@code {{item.unique}}} name the
     * field {@code unique}, {@code {{item}}} the item itself; anything else (the index, an
     * expression) names no field, and only the two forms the platform has can be suggested.
     */
    private static String keyMeant(String binding, String itemName, String indexName) {
        String inside = binding.replace("{{", "").replace("}}", "").strip();
        if (inside.equals(itemName)) {
            return "tt:key=\"*this\"";
        }
        String field = inside.startsWith(itemName + ".") ? inside.substring(itemName.length() + 1) : inside;
        boolean isField = TtmlCompiler.IDENTIFIER.matcher(field).matches() && !field.equals(indexName);
        return isField ? "tt:key=\"" + field + "\" or tt:key=\"*this\""
                : "tt:key=\"<a field of each item>\" or tt:key=\"*this\"";
    }
}
