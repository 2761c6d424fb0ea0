package dev.ttrtc.view.internal.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings a live node's children in line with freshly rendered {@link VNode}s: a rendered node
 * takes over the live node of the same instruction and key (so ids stay stable and a keyed
 * reorder moves nodes), only what differs is updated, and the changes are recorded only where
 * mirrors already show the parent ({@code live}). New subtrees are built whole and inserted
 * once. Component hosts create their components and pass properties; slots take the host's
 * children. Loop thread only.
 */
final class Reconciler {

    /** What reconciling needs from the tree it works on. */
    interface Host {
        Node newNode(Owner owner, VNode v);

        void dropped(Node node, RenderPass pass);

        void attributesChanged(Node node);

        /** Creates the component of a new host element (created lifetime, initial properties). */
        Owner createComponent(Node host, VNode v);

        /** Passes the host's properties; true when the component's data changed. */
        boolean passProperties(Owner component, VNode v);

        List<VNode> render(Owner owner, Changed changed);

        /** A deferred node rendered in full, for when no live node takes its place. */
        VNode render(VNode deferred);
    }

    private record Match(Object source, String key) {
    }

    private final Host host;

    Reconciler(Host host) {
        this.host = host;
    }

    /** Renders an owner into its root (page root or host element), evaluating again what {@code changed} reaches. */
    void renderOwner(Owner owner, Changed changed, boolean live, RenderPass pass) {
        owner.slotsFilled().clear();
        children(owner.root(), host.render(owner, changed), live, pass);
    }

    void children(Node parent, List<VNode> rendered, boolean live, RenderPass pass) {
        List<Node> old = parent.mutableChildren();
        int n = rendered.size();
        Node[] result = new Node[n];
        int[] oldIndex = new int[n];
        boolean[] reused = new boolean[old.size()];
        Map<Match, Integer> byKey = null;
        for (int i = 0; i < n; i++) {
            VNode v = rendered.get(i);
            int found = -1;
            if (i < old.size() && !reused[i] && matches(old.get(i), v)) {
                found = i;
            } else if (!old.isEmpty()) {
                if (byKey == null) {
                    byKey = index(old);
                }
                Integer at = byKey.get(new Match(v.source(), v.key()));
                if (at != null && !reused[at] && matches(old.get(at), v)) {
                    found = at;
                }
            }
            if (found >= 0) {
                reused[found] = true;
                oldIndex[i] = found;
                result[i] = old.get(found);
                if (!v.deferred()) {
                    update(result[i], v, live, pass);
                }
            } else {
                oldIndex[i] = -1;
                result[i] = create(v.deferred() ? host.render(v) : v, pass);
            }
        }
        for (int k = 0; k < old.size(); k++) {
            if (!reused[k]) {
                Node gone = old.get(k);
                if (live) {
                    pass.add(new Change.Remove(gone));
                }
                host.dropped(gone, pass);
            }
        }
        if (live) {
            order(parent, result, oldIndex, pass);
        }
        old.clear();
        for (Node child : result) {
            child.parent(parent);
            old.add(child);
        }
    }

    private static Map<Match, Integer> index(List<Node> nodes) {
        Map<Match, Integer> map = new HashMap<>(nodes.size() * 2);
        for (int k = 0; k < nodes.size(); k++) {
            map.putIfAbsent(new Match(nodes.get(k).source(), nodes.get(k).key()), k);
        }
        return map;
    }

    private static boolean matches(Node node, VNode v) {
        return node.source() == v.source() && node.key().equals(v.key()) && Objects.equals(node.tag(), v.tag())
                && Objects.equals(node.component() == null ? null : node.component().path(), v.componentPath());
    }

    /** Inserts and moves, right to left, each before its final successor; nodes on the longest kept run stay. */
    private void order(Node parent, Node[] result, int[] oldIndex, RenderPass pass) {
        boolean[] stays = longestIncreasing(oldIndex);
        for (int i = result.length - 1; i >= 0; i--) {
            Node before = i + 1 < result.length ? result[i + 1] : null;
            if (oldIndex[i] < 0) {
                pass.add(new Change.Insert(parent, before, result[i]));
            } else if (!stays[i]) {
                pass.add(new Change.Move(result[i], parent, before));
                if (result[i].component() != null) {
                    pass.moved.add(result[i].component());
                }
            }
        }
    }

    /** Marks the positions on one longest strictly increasing run of old indexes (new nodes, -1, excluded). */
    static boolean[] longestIncreasing(int[] seq) {
        int n = seq.length;
        boolean[] stays = new boolean[n];
        boolean sorted = true;
        int last = -1;
        for (int value : seq) {
            if (value >= 0) {
                if (value < last) {
                    sorted = false;
                    break;
                }
                last = value;
            }
        }
        if (sorted) {
            for (int i = 0; i < n; i++) {
                stays[i] = seq[i] >= 0;
            }
            return stays;
        }
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            if (seq[i] < 0) {
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (seq[tails[mid]] < seq[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        Arrays.fill(stays, false);
        for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i]) {
            stays[i] = true;
        }
        return stays;
    }

    private Node create(VNode v, RenderPass pass) {
        Node node = host.newNode(v.owner(), v);
        if (v.isText()) {
            return node;
        }
        if (v.componentPath() != null) {
            Owner component = host.createComponent(node, v);
            node.component(component);
            component.root(node);
            component.light(v.children());
            pass.created.add(component);
            renderOwner(component, Changed.EVERYTHING, false, pass);
        } else if (isSlot(v)) {
            children(node, slotContent(v), false, pass);
        } else {
            children(node, v.children(), false, pass);
        }
        return node;
    }

    private void update(Node node, VNode v, boolean live, RenderPass pass) {
        if (v.isText()) {
            if (!node.text().equals(v.text())) {
                node.text(v.text());
                if (live) {
                    pass.add(new Change.Text(node));
                }
            }
            return;
        }
        node.events(v.events());
        if (!node.attributes().equals(v.attributes())) {
            node.attributes(v.attributes());
            if (live) {
                pass.add(new Change.Attributes(node));
            }
            host.attributesChanged(node);
        }
        Owner component = node.component();
        if (component != null) {
            boolean changed = host.passProperties(component, v);
            boolean hasLight = !v.children().isEmpty() || !component.light().isEmpty();
            component.light(v.children());
            if (changed || hasLight) {
                renderOwner(component, Changed.EVERYTHING, live, pass);
            }
        } else if (isSlot(v)) {
            children(node, slotContent(v), live, pass);
        } else {
            children(node, v.children(), live, pass);
        }
    }

    private static boolean isSlot(VNode v) {
        return "slot".equals(v.tag()) && !v.owner().isPage();
    }

    /** The host's children for this slot: by their slot attribute; the first slot of a name takes them. */
    private static List<VNode> slotContent(VNode slot) {
        Owner component = slot.owner();
        Object nameValue = slot.attributes().get("name");
        String name = nameValue == null || nameValue == Boolean.TRUE ? "" : nameValue.toString();
        if (!component.slotsFilled().add(name)) {
            return List.of();
        }
        List<VNode> content = new ArrayList<>();
        for (VNode child : component.light()) {
            Object target = child.isText() ? null : child.attributes().get("slot");
            String wanted = target == null || target == Boolean.TRUE ? "" : target.toString();
            if (wanted.equals(name)) {
                content.add(child);
            }
        }
        return content;
    }
}
