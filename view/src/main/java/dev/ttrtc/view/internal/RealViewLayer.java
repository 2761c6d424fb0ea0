package dev.ttrtc.view.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.view.EventOptions;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ViewLayer;
import dev.ttrtc.runtime.view.ViewListener;
import dev.ttrtc.view.internal.components.Builtins;
import dev.ttrtc.view.internal.events.EventDispatcher;
import dev.ttrtc.view.internal.html.HtmlWriter;
import dev.ttrtc.view.internal.query.BlockLayout;
import dev.ttrtc.view.internal.query.Selector;
import dev.ttrtc.view.internal.query.SelectorQueries;
import dev.ttrtc.view.internal.tree.Change;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.Owner;
import dev.ttrtc.view.internal.tree.RenderPass;
import dev.ttrtc.view.internal.tree.ViewTree;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The view layer of one instance: compiled templates, the render trees, built-ins, events and
 * the mirrors' ops. Every render runs as a pass; a setData (or event) arriving while a pass runs
 * is applied right after it. After a pass: its ops reach the listeners, then components run
 * {@code attached} (parent first), {@code moved} and {@code detached}; {@code ready} runs on a
 * later turn, children first. Loop thread only (the consumer view posts to the loop).
 */
public final class RealViewLayer implements ViewLayer {
    private final LogicLayer logic;
    private final ViewTree tree;
    private final Builtins builtins;
    private final HtmlWriter html;
    private final OpWriter ops;
    private final EventDispatcher events;
    private final SelectorQueries queries;
    private final Interactions interactions;
    private final RealInstanceView consumer;
    private final PageStyles styles;
    private final List<ViewListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    private final Set<String> warned = new HashSet<>();
    private RenderPass current;

    private RealViewLayer(LogicLayer logic, Templates templates, SjsRegistry sjs, List<ComponentProvider> contributed)
            throws LaunchException {
        this.logic = logic;
        this.builtins = new Builtins(logic, contributed, new Builtins.Services() {
            @Override
            public JsonNode emit(Node element, String type, JsonNode detail) {
                return events.dispatch(element, type, detail, EventDispatcher.Flow.TARGET, null, false);
            }

            @Override
            public void changed(Change change) {
                recordChange(change);
            }

            @Override
            public void warn(Location location, String message) {
                RealViewLayer.this.warn(location, message);
            }

            @Override
            public boolean inTree(Node element) {
                return tree.node(element.id()) == element;
            }

            @Override
            public double[] measure(Node element) {
                return queries.measure(element);
            }

            @Override
            public String inlineStyle(String style) {
                return styles.inlineStyle(style);
            }
        });
        this.styles = PageStyles.compile(logic, builtins.baseCss());
        this.tree = new ViewTree(logic, templates::of, sjs::of, this::warn, builtins);
        this.html = new HtmlWriter(builtins, styles::inlineStyle, logic.systemInfo().number("windowWidth"));
        this.ops = new OpWriter(html);
        this.events = new EventDispatcher(logic, this::warn);
        this.queries = new SelectorQueries(tree, logic.systemInfo(), this::warn);
        this.interactions = new Interactions(this, tree, events, queries, logic);
        this.consumer = new RealInstanceView(this, tree, html, logic);
    }

    /** Compiles every template of the instance and opens its view. */
    public static RealViewLayer open(LogicLayer logic) throws LaunchException {
        SjsRegistry sjs = new SjsRegistry(logic);
        Templates templates = Templates.compile(logic, sjs);
        List<ComponentProvider> contributed = new ArrayList<>();
        ServiceLoader.load(ComponentProvider.class).forEach(contributed::add);
        return new RealViewLayer(logic, templates, sjs, contributed);
    }

    void warn(Location location, String message) {
        if (warned.add(location + message)) {
            Templates.warn(logic, location, message);
        }
    }

    // ---- passes ---------------------------------------------------------------------------------

    /** Runs a render now, or right after the pass under way. */
    void render(Supplier<RenderPass> render) {
        if (current != null) {
            queued.add(() -> render(render));
            return;
        }
        RenderPass pass = null;
        try {
            current = new RenderPass();
            pass = render.get();
            pass.changes().addAll(0, current.changes());
            deliver(pass);
            lifetimes(pass);
        } finally {
            current = null;
        }
        while (!queued.isEmpty() && current == null) {
            queued.poll().run();
        }
    }

    /** A built-in's change: part of the pass under way, or delivered at once. */
    private void recordChange(Change change) {
        Node node = change instanceof Change.Value v ? v.node() : ((Change.Replace) change).node();
        if (node.owner().pageId() != tree.topPageId() || node.html() == null) {
            return;
        }
        if (current != null) {
            current.add(change);
        } else {
            RenderPass pass = new RenderPass();
            pass.add(change);
            deliver(pass);
        }
    }

    private void deliver(RenderPass pass) {
        if (pass.changes().isEmpty() || listeners.isEmpty()) {
            return;
        }
        List<ObjectNode> batch = ops.ops(pass.changes());
        if (!batch.isEmpty()) {
            List<ObjectNode> frozen = List.copyOf(batch);
            listeners.forEach(l -> l.onOps(frozen));
        }
    }

    private void lifetimes(RenderPass pass) {
        for (Owner created : pass.created()) {
            if (!created.attached()) {
                continue;
            }
            logic.lifetime(created.id(), "attached");
        }
        for (Owner moved : pass.moved()) {
            logic.lifetime(moved.id(), "moved");
        }
        for (Owner removed : pass.removed()) {
            logic.lifetime(removed.id(), "detached");
        }
        List<Owner> created = pass.created();
        if (!created.isEmpty()) {
            List<Owner> childrenFirst = new ArrayList<>(created);
            java.util.Collections.reverse(childrenFirst);
            logic.loop().execute(() -> {
                for (Owner owner : childrenFirst) {
                    if (owner.attached()) {
                        logic.lifetime(owner.id(), "ready");
                    }
                }
            });
        }
    }

    /** Mirrors of the page get its scroll offset as a value op on the page root. */
    void pageScrolled(Owner page, double top) {
        if (page.id() != tree.topPageId() || listeners.isEmpty()) {
            return;
        }
        ObjectNode op = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("op", "value")
                .put("id", page.root().id());
        op.putObject("value").put("scrollLeft", 0).put("scrollTop", top);
        List<ObjectNode> batch = List.of(op);
        listeners.forEach(l -> l.onOps(batch));
    }

    void addListener(ViewListener listener) {
        listeners.add(listener);
    }

    /** Adds a mirror: it first gets the top page whole, so that the ops after it apply. Loop thread. */
    void addMirror(ViewListener listener) {
        listeners.add(listener);
        Node root = tree.pageRoot(tree.topPageId());
        if (root != null) {
            listener.onOps(ops.page(root.owner().path(), root, css(root.owner().path())));
        }
    }

    void removeListener(ViewListener listener) {
        listeners.remove(listener);
    }

    // ---- ViewLayer ------------------------------------------------------------------------------

    @Override
    public void pageCreated(int pageId, String route, ObjectNode data) {
        render(() -> tree.pageCreated(pageId, route, data));
    }

    @Override
    public void pageShown(int pageId) {
        tree.pageShown(pageId);
        Node root = tree.pageRoot(pageId);
        if (root != null && !listeners.isEmpty()) {
            List<ObjectNode> batch = ops.page(root.owner().path(), root, css(root.owner().path()));
            listeners.forEach(l -> l.onOps(batch));
        }
    }

    @Override
    public void pageUnloaded(int pageId) {
        render(() -> tree.pageUnloaded(pageId));
    }

    @Override
    public void dataChanged(int ownerId, ObjectNode patch) {
        render(() -> tree.dataChanged(ownerId, patch));
    }

    @Override
    public void componentEvent(int componentId, String name, JsonNode detail, EventOptions options) {
        Runnable dispatch = () -> {
            Owner component = tree.owner(componentId);
            if (component == null || component.root() == null) {
                return;
            }
            events.dispatch(component.root(), name, detail,
                    new EventDispatcher.Flow(options.bubbles(), options.composed(), options.capturePhase()), null, false);
        };
        if (current != null) {
            queued.add(dispatch);
        } else {
            dispatch.run();
        }
    }

    @Override
    public List<Integer> selectComponents(int ownerId, String selector, boolean all) {
        Owner owner = tree.owner(ownerId);
        if (owner == null || owner.root() == null) {
            return List.of();
        }
        Selector parsed;
        try {
            parsed = Selector.parse(selector);
        } catch (IllegalArgumentException e) {
            warn(new Location(owner.path() + ".js", 1, 1), "selectComponent: " + e.getMessage());
            return List.of();
        }
        List<Integer> ids = new ArrayList<>();
        for (Node node : parsed.selectAll(owner.root(), owner)) {
            if (node.component() != null) {
                ids.add(node.component().id());
                if (!all) {
                    break;
                }
            }
        }
        return ids;
    }

    @Override
    public JsonNode querySelector(JsonNode requests) {
        return queries.answer(requests);
    }

    @Override
    public String pageScrollTo(int pageId, JsonNode options) {
        return interactions.pageScrollTo(pageId, options);
    }

    @Override
    public void elementCommand(int ownerId, String tag, String elementId, String command, JsonNode args) {
        Owner owner = tree.owner(ownerId);
        if (owner == null || owner.root() == null) {
            return;
        }
        Location where = new Location(owner.path() + ".js", 1, 1);
        Node target = Selector.element(tag, elementId).select(owner.root(), owner);
        ElementBehavior behavior = target == null ? null : Builtins.behavior(target);
        if (behavior == null) {
            warn(where, command + "(): no <" + tag + " id=\"" + elementId + "\"> in " + owner.path() + "; nothing happens");
            return;
        }
        try {
            behavior.command(command, args);
        } catch (IllegalArgumentException e) {
            warn(where, e.getMessage());
        }
    }

    @Override
    public InstanceView consumerView() {
        return consumer;
    }

    @Override
    public void close() {
        listeners.clear();
        consumer.close();
    }

    /** The CSS of a page: the built-ins' base styles, app.ttss, its components' and its own (see {@link PageStyles}). */
    String css(String route) {
        return styles.css(route, builtins.baseCss());
    }

    /** The layout rule's boxes of a page, or null when it has no root. */
    BlockLayout layout(int pageId) {
        return queries.layout(pageId);
    }

    /** How far a page is scrolled, in px. */
    double pageScrollTop(int pageId) {
        return queries.pageScrollTop(pageId);
    }

    Interactions interactions() {
        return interactions;
    }

    Builtins builtins() {
        return builtins;
    }
}
