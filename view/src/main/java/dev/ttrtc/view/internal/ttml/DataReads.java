package dev.ttrtc.view.internal.ttml;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which top-level data fields each node of a file's body reads, its whole subtree included, so
 * that a render after {@code setData} can skip what the changed fields cannot reach. Names
 * resolve as {@link Scope} resolves them: loop variables, then the file's SJS modules, then data
 * fields; a loop variable stands for what its loop's items read. Template definitions are not
 * analysed: a call renders its template again whenever what its name or data reads changed.
 * Immutable once built.
 */
public final class DataReads {

    /** What one node reads: some data fields, or {@code everything} when that cannot be known. */
    public record Reads(boolean everything, Set<String> fields) {
        private static final Reads NOTHING = new Reads(false, Set.of());
        private static final Reads EVERYTHING = new Reads(true, Set.of());

        /** True when this node may read one of {@code changed} (an array: a render asks this of every node it reaches). */
        public boolean meets(String[] changed) {
            if (everything) {
                return true;
            }
            for (String field : changed) {
                if (fields.contains(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<TNode, Reads> byNode = new IdentityHashMap<>();
    private final Set<String> modules;

    private DataReads(Set<String> modules) {
        this.modules = modules;
    }

    static DataReads of(TemplateUnit unit) {
        Set<String> modules = new HashSet<>();
        unit.sjs().forEach(declaration -> modules.add(declaration.name()));
        DataReads reads = new DataReads(modules);
        for (TNode node : unit.body()) {
            reads.node(node, Map.of());
        }
        return reads;
    }

    /** True when a template the file can call — its own, or one of a file it imports, at any depth — holds a {@code <slot>}. */
    static boolean slotsInTemplates(TemplateUnit unit) {
        Set<TemplateUnit> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<TemplateUnit> pending = new ArrayDeque<>(List.of(unit));
        while (!pending.isEmpty()) {
            TemplateUnit next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            for (TemplateUnit.Definition definition : next.definitions().values()) {
                if (definition.body().stream().anyMatch(DataReads::holdsSlot)) {
                    return true;
                }
            }
            pending.addAll(next.importedUnits());
        }
        return false;
    }

    private static boolean holdsSlot(TNode node) {
        if (node instanceof TNode.Element e) {
            return e.tag().equals("slot") || e.children().stream().anyMatch(DataReads::holdsSlot);
        }
        if (node instanceof TNode.For f) {
            return holdsSlot(f.body());
        }
        if (node instanceof TNode.If i) {
            return i.branches().stream().anyMatch(b -> holdsSlot(b.node()));
        }
        if (node instanceof TNode.Block b) {
            return b.children().stream().anyMatch(DataReads::holdsSlot);
        }
        return false;
    }

    /** What a node of the file's body reads; everything for a node from elsewhere (a template definition). */
    public Reads of(TNode node) {
        return byNode.getOrDefault(node, Reads.EVERYTHING);
    }

    /** @param loopVariables the loop variables in scope, each with what its loop's items read */
    private Reads node(TNode node, Map<String, Reads> loopVariables) {
        Collector reads = new Collector(loopVariables);
        if (node instanceof TNode.Element e) {
            if (e.tag().equals("slot")) {
                // What a slot shows comes from the host's owner, not from these fields.
                reads.everything = true;
            }
            e.attributes().forEach(a -> reads.add(a.value()));
            e.events().forEach(b -> reads.add(b.handler()));
            e.children().forEach(child -> reads.add(node(child, loopVariables)));
        } else if (node instanceof TNode.Text t) {
            reads.add(t.text());
        } else if (node instanceof TNode.For f) {
            Collector items = new Collector(loopVariables);
            items.add(f.items());
            Reads itemReads = items.reads();
            Map<String, Reads> inner = new HashMap<>(loopVariables);
            inner.put(f.itemName(), itemReads);
            inner.put(f.indexName(), itemReads);
            reads.add(itemReads);
            reads.add(node(f.body(), inner));
        } else if (node instanceof TNode.If i) {
            for (TNode.Branch branch : i.branches()) {
                reads.add(branch.condition());
                reads.add(node(branch.node(), loopVariables));
            }
        } else if (node instanceof TNode.Block b) {
            b.children().forEach(child -> reads.add(node(child, loopVariables)));
        } else if (node instanceof TNode.Call c) {
            reads.add(c.name());
            reads.add(c.data());
        }
        Reads result = reads.reads();
        byNode.put(node, result);
        return result;
    }

    /** Gathers the fields read by interpolations and subtrees. */
    private final class Collector {
        private final Map<String, Reads> loopVariables;
        private final Set<String> fields = new HashSet<>();
        private boolean everything;

        Collector(Map<String, Reads> loopVariables) {
            this.loopVariables = loopVariables;
        }

        void add(Reads reads) {
            everything |= reads.everything();
            fields.addAll(reads.fields());
        }

        void add(Interpolation value) {
            if (value != null) {
                value.parts().forEach(part -> {
                    if (part instanceof Expr e) {
                        expr(e);
                    }
                });
            }
        }

        private void expr(Expr expr) {
            if (expr instanceof Expr.Name n) {
                Reads loop = loopVariables.get(n.name());
                if (loop != null) {
                    add(loop);
                } else if (!modules.contains(n.name())) {
                    fields.add(n.name());
                }
            } else if (expr instanceof Expr.Member m) {
                expr(m.object());
                expr(m.key());
            } else if (expr instanceof Expr.Unary u) {
                expr(u.operand());
            } else if (expr instanceof Expr.Binary b) {
                expr(b.left());
                expr(b.right());
            } else if (expr instanceof Expr.Logical l) {
                expr(l.left());
                expr(l.right());
            } else if (expr instanceof Expr.Conditional c) {
                expr(c.test());
                expr(c.then());
                expr(c.otherwise());
            } else if (expr instanceof Expr.ArrayLiteral a) {
                a.elements().forEach(this::expr);
            } else if (expr instanceof Expr.ObjectLiteral o) {
                o.properties().forEach(p -> expr(p.value()));
            } else if (expr instanceof Expr.Spread s) {
                expr(s.value());
            } else if (expr instanceof Expr.SjsCall call) {
                call.arguments().forEach(this::expr);
            }
        }

        Reads reads() {
            if (everything) {
                return Reads.EVERYTHING;
            }
            return fields.isEmpty() ? Reads.NOTHING : new Reads(false, Collections.unmodifiableSet(fields));
        }
    }
}
