package dev.ttrtc.view.internal.ttml;

import java.util.List;

/**
 * A compiled template instruction. Node identity matters: the renderer matches rendered nodes
 * to live ones by (instruction, key), so each instance is one place in a template.
 */
public abstract sealed class TNode permits TNode.Element, TNode.Text, TNode.For, TNode.If, TNode.Block, TNode.Call {
    private static final java.util.concurrent.atomic.AtomicInteger SERIALS = new java.util.concurrent.atomic.AtomicInteger();
    private final Location location;
    private final int serial = SERIALS.incrementAndGet();

    TNode(Location location) {
        this.location = location;
    }

    public Location location() {
        return location;
    }

    /** A number unique to this instruction, for keys of rendered nodes. */
    public int serial() {
        return serial;
    }

    /** An element: a built-in, a custom component's host, a {@code <slot>}, or an unknown tag. */
    public static final class Element extends TNode {
        private final String tag;
        private final List<Attribute> attributes;
        private final List<EventBinding> events;
        private final List<TNode> children;

        Element(String tag, List<Attribute> attributes, List<EventBinding> events, List<TNode> children, Location location) {
            super(location);
            this.tag = tag;
            this.attributes = attributes;
            this.events = events;
            this.children = children;
        }

        public String tag() {
            return tag;
        }

        public List<Attribute> attributes() {
            return attributes;
        }

        public List<EventBinding> events() {
            return events;
        }

        public List<TNode> children() {
            return children;
        }
    }

    /** Text with bindings. */
    public static final class Text extends TNode {
        private final Interpolation text;

        Text(Interpolation text, Location location) {
            super(location);
            this.text = text;
        }

        public Interpolation text() {
            return text;
        }
    }

    /** {@code tt:for}: the body once per item, with {@code item}/{@code index} (or their renames) in scope. */
    public static final class For extends TNode {
        private final Interpolation items;
        private final String itemName;
        private final String indexName;
        private final Key key;
        private final TNode body;

        For(Interpolation items, String itemName, String indexName, Key key, TNode body, Location location) {
            super(location);
            this.items = items;
            this.itemName = itemName;
            this.indexName = indexName;
            this.key = key;
            this.body = body;
        }

        public Interpolation items() {
            return items;
        }

        public String itemName() {
            return itemName;
        }

        public String indexName() {
            return indexName;
        }

        /** Null when the loop has no {@code tt:key} (items are matched by position). */
        public Key key() {
            return key;
        }

        public TNode body() {
            return body;
        }
    }

    /** {@code tt:key}: {@code *this} (the item itself) or the name of a field of each item. */
    public record Key(boolean self, String field, Location location) {
    }

    /** A {@code tt:if} / {@code tt:elif} / {@code tt:else} chain; the first true branch renders. */
    public static final class If extends TNode {
        private final List<Branch> branches;

        If(List<Branch> branches, Location location) {
            super(location);
            this.branches = branches;
        }

        public List<Branch> branches() {
            return branches;
        }
    }

    /** One branch; {@code condition} is null for {@code tt:else}. */
    public record Branch(Interpolation condition, TNode node) {
    }

    /** {@code <block>} or an included file: children without an element of their own. */
    public static final class Block extends TNode {
        private final List<TNode> children;

        Block(List<TNode> children, Location location) {
            super(location);
            this.children = children;
        }

        public List<TNode> children() {
            return children;
        }
    }

    /** {@code <template is data>}: renders a template visible from {@code unit}, with only {@code data} in scope. */
    public static final class Call extends TNode {
        private final Interpolation name;
        private final Interpolation data;
        private final TemplateUnit unit;

        Call(Interpolation name, Interpolation data, TemplateUnit unit, Location location) {
            super(location);
            this.name = name;
            this.data = data;
            this.unit = unit;
        }

        public Interpolation name() {
            return name;
        }

        /** Null when the call passes no data. */
        public Interpolation data() {
            return data;
        }

        public TemplateUnit unit() {
            return unit;
        }
    }

    /** An attribute; {@code value} is null for a bare attribute, which means true. */
    public record Attribute(String name, Interpolation value, Location location) {
    }

    /**
     * An event binding: {@code bindtap}, {@code bind:tap}, {@code catchtap}, {@code catch:tap},
     * {@code capture-bind:tap}, {@code capture-catch:tap}. The handler is a method name (or a
     * binding that yields one).
     */
    public record EventBinding(String event, boolean capture, boolean catches, Interpolation handler, String written,
            Location location) {
    }
}
