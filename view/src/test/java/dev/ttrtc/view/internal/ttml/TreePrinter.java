package dev.ttrtc.view.internal.ttml;

import java.util.List;
import java.util.stream.Collectors;

/** A compact text form of compiled nodes, for compiler tests. */
final class TreePrinter {
    private TreePrinter() {
    }

    static String print(List<TNode> nodes) {
        return nodes.stream().map(TreePrinter::print).collect(Collectors.joining(" "));
    }

    static String print(TNode node) {
        if (node instanceof TNode.Text t) {
            return "'" + value(t.text()) + "'";
        }
        if (node instanceof TNode.Element e) {
            StringBuilder out = new StringBuilder("(").append(e.tag());
            for (TNode.Attribute a : e.attributes()) {
                out.append(' ').append(a.name());
                if (a.value() != null) {
                    out.append("=").append(value(a.value()));
                }
            }
            for (TNode.EventBinding b : e.events()) {
                out.append(' ').append(b.capture() ? "capture-" : "").append(b.catches() ? "catch:" : "bind:")
                        .append(b.event()).append("=").append(value(b.handler()));
            }
            if (!e.children().isEmpty()) {
                out.append(' ').append(print(e.children()));
            }
            return out.append(')').toString();
        }
        if (node instanceof TNode.For f) {
            String key = f.key() == null ? "" : " key=" + (f.key().self() ? "*this" : f.key().field());
            return "(for " + value(f.items()) + " " + f.itemName() + "," + f.indexName() + key + " " + print(f.body()) + ")";
        }
        if (node instanceof TNode.If i) {
            return "(if " + i.branches().stream()
                    .map(b -> (b.condition() == null ? "else" : value(b.condition())) + " " + print(b.node()))
                    .collect(Collectors.joining(" | ")) + ")";
        }
        if (node instanceof TNode.Block b) {
            return "(block " + print(b.children()) + ")";
        }
        TNode.Call c = (TNode.Call) node;
        return "(call " + value(c.name()) + (c.data() == null ? "" : " " + value(c.data())) + ")";
    }

    private static String value(Interpolation value) {
        return value.parts().stream().map(p -> p instanceof String s ? s : "{" + expr((Expr) p) + "}")
                .collect(Collectors.joining());
    }

    private static String expr(Expr e) {
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof String s ? "'" + s + "'" : JsValues.toJsString(l.value());
        }
        if (e instanceof Expr.Member m) {
            return expr(m.object()) + "[" + expr(m.key()) + "]";
        }
        if (e instanceof Expr.SjsCall c) {
            return c.module() + "." + String.join(".", c.path()) + "("
                    + c.arguments().stream().map(TreePrinter::expr).collect(Collectors.joining(",")) + ")";
        }
        return e.getClass().getSimpleName();
    }
}
