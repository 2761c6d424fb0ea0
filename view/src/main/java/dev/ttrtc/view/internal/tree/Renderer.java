package dev.ttrtc.view.internal.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.view.internal.ttml.Evaluator;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.internal.ttml.Scope;
import dev.ttrtc.view.internal.ttml.SjsModules;
import dev.ttrtc.view.internal.ttml.TNode;
import dev.ttrtc.view.internal.ttml.TemplateUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates an owner's compiled template against its data: loops, conditions, template calls
 * and bindings, giving the {@link VNode}s its root should have. Pure with respect to the tree
 * (the reconciler applies the result). Loop thread only.
 */
final class Renderer {
    private static final char LOOP = '\u0001';
    private static final char CALL = '\u0002';

    private final Function<TemplateUnit, SjsModules> sjs;
    private final OnceWarnings warnings;

    Renderer(Function<TemplateUnit, SjsModules> sjs, OnceWarnings warnings) {
        this.sjs = sjs;
        this.warnings = warnings;
    }

    /** The owner's nodes; those {@code changed} does not reach come {@link VNode#deferred() deferred}. */
    List<VNode> render(Owner owner, Changed changed) {
        List<VNode> out = new ArrayList<>();
        TemplateUnit unit = owner.unit();
        if (unit != null) {
            nodes(owner, unit.body(), Scope.of(owner.data(), sjs.apply(unit)), "", changed, out);
        }
        return out;
    }

    /** A deferred node rendered in full. */
    VNode render(VNode deferred) {
        return element(deferred.owner(), (TNode.Element) deferred.source(), deferred.later(), deferred.key(), Changed.EVERYTHING);
    }

    private void nodes(Owner owner, List<TNode> nodes, Scope scope, String key, Changed changed, List<VNode> out) {
        for (TNode node : nodes) {
            node(owner, node, scope, key, changed, out);
        }
    }

    private void node(Owner owner, TNode node, Scope scope, String key, Changed changed, List<VNode> out) {
        if (node instanceof TNode.Element e) {
            out.add(changed.reaches(e) ? element(owner, e, scope, key, changed)
                    : VNode.deferred(e, key, owner, owner.usingComponents().get(e.tag()), scope));
        } else if (node instanceof TNode.Text t) {
            out.add(VNode.text(t, key, owner, Evaluator.text(t.text(), scope)));
        } else if (node instanceof TNode.For f) {
            loop(owner, f, scope, key, changed, out);
        } else if (node instanceof TNode.If i) {
            for (TNode.Branch branch : i.branches()) {
                if (branch.condition() == null || JsValues.toBoolean(Evaluator.value(branch.condition(), scope))) {
                    node(owner, branch.node(), scope, key, changed, out);
                    return;
                }
            }
        } else if (node instanceof TNode.Block b) {
            nodes(owner, b.children(), scope, key, changed, out);
        } else {
            call(owner, (TNode.Call) node, scope, key, changed, out);
        }
    }

    private VNode element(Owner owner, TNode.Element e, Scope scope, String key, Changed changed) {
        String component = owner.usingComponents().get(e.tag());
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (TNode.Attribute a : e.attributes()) {
            attributes.put(a.name(), a.value() == null ? Boolean.TRUE : Evaluator.value(a.value(), scope));
        }
        List<VNode.BoundEvent> events;
        if (e.events().isEmpty()) {
            events = List.of();
        } else {
            events = new ArrayList<>(e.events().size());
            for (TNode.EventBinding b : e.events()) {
                events.add(new VNode.BoundEvent(b.event(), b.capture(), b.catches(), Evaluator.text(b.handler(), scope).strip(),
                        b.written(), b.location()));
            }
        }
        List<VNode> children;
        if (e.children().isEmpty()) {
            children = List.of();
        } else {
            children = new ArrayList<>();
            // A component's slots take its host's children whole (their slot attributes decide where).
            nodes(owner, e.children(), scope, "", component == null ? changed : Changed.EVERYTHING, children);
        }
        return VNode.element(e, key, owner, attributes, events, children, component);
    }

    private void loop(Owner owner, TNode.For f, Scope scope, String key, Changed changed, List<VNode> out) {
        Object items = Evaluator.value(f.items(), scope);
        int index = 0;
        Set<String> seen = f.key() == null ? null : new HashSet<>();
        for (Iterator<Object[]> it = entries(items); it.hasNext(); index++) {
            Object[] entry = it.next();
            Object item = entry[1];
            Scope inner = scope.with(f.itemName(), item).with(f.indexName(), entry[0]);
            String own = itemKey(f, item, index);
            if (seen != null && !seen.add(own)) {
                warnings.warn(f.key().location(), f.key(), "tt:key values repeat in this list (\"" + own.substring(1)
                        + "\"); repeated items are matched by position");
                own = "#" + index;
            }
            node(owner, f.body(), inner, key + LOOP + own, changed, out);
        }
    }

    private String itemKey(TNode.For f, Object item, int index) {
        TNode.Key key = f.key();
        if (key == null) {
            return "#" + index;
        }
        Object value = key.self() ? item : JsValues.member(item, key.field());
        if (value == JsValues.UNDEFINED || value instanceof JsonNode) {
            warnings.warn(key.location(), f, key.self()
                    ? "tt:key=\"*this\" needs items that are strings or numbers; items are matched by position"
                    : "tt:key=\"" + key.field() + "\" is not a string or number field of every item; items are matched by position");
            return "#" + index;
        }
        return "k" + JsValues.toJsString(value);
    }

    /** [index, item] pairs: arrays by position, objects by key (value as item), strings by character, numbers 0…n-1. */
    private static Iterator<Object[]> entries(Object items) {
        List<Object[]> list = new ArrayList<>();
        if (items instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                list.add(new Object[] {(double) i, JsValues.fromJson(a.get(i))});
            }
        } else if (items instanceof ObjectNode o) {
            o.properties().forEach(e -> list.add(new Object[] {e.getKey(), JsValues.fromJson(e.getValue())}));
        } else if (items instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                list.add(new Object[] {(double) i, String.valueOf(s.charAt(i))});
            }
        } else if (items instanceof Double d && d > 0 && !d.isInfinite()) {
            for (int i = 0; i < d; i++) {
                list.add(new Object[] {(double) i, (double) i});
            }
        }
        return list.iterator();
    }

    private void call(Owner owner, TNode.Call c, Scope scope, String key, Changed changed, List<VNode> out) {
        String name = Evaluator.text(c.name(), scope);
        TemplateUnit.Definition definition = c.unit().template(name);
        if (definition == null) {
            warnings.warn(c.location(), c, "template \"" + name + "\" is not defined in " + c.unit().file()
                    + " or a file it imports directly; nothing is rendered");
            return;
        }
        Object data = c.data() == null ? null : Evaluator.value(c.data(), scope);
        JsonNode templateData = data instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        Scope inner = Scope.of(templateData, sjs.apply(definition.unit()));
        nodes(owner, definition.body(), inner, key + CALL + c.serial(), changed.inside(c), out);
    }

    /** Warnings the renderer gives at most once per template place. */
    interface OnceWarnings {
        void warn(Location location, Object place, String message);
    }
}
