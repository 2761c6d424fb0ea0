package dev.ttrtc.view.internal;

import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ViewElement;
import dev.ttrtc.runtime.view.ViewListener;
import dev.ttrtc.view.internal.html.HtmlWriter;
import dev.ttrtc.view.internal.query.Selector;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.ViewTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code MiniProgram.view()}: reads and actions run on the instance's loop; a read from another
 * thread waits for the loop up to {@link #READ_TIMEOUT}; an action's future completes when the
 * dispatch is done and fails if the instance closes first.
 */
final class RealInstanceView implements InstanceView {
    /** Host rule: a read waits this long for a busy instance before it fails. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final RealViewLayer view;
    private final ViewTree tree;
    private final HtmlWriter html;
    private final LogicLayer logic;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    RealInstanceView(RealViewLayer view, ViewTree tree, HtmlWriter html, LogicLayer logic) {
        this.view = view;
        this.tree = tree;
        this.html = html;
        this.logic = logic;
    }

    /** Runs a read on the loop and waits for it. */
    <T> T read(Supplier<T> read) {
        if (logic.inLoop()) {
            return read.get();
        }
        CompletableFuture<T> result = track(new CompletableFuture<>());
        logic.loop().execute(() -> {
            try {
                result.complete(read.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the view");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the instance did not answer within " + READ_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Posts an action; its future completes once it ran. */
    CompletableFuture<Void> act(Runnable action) {
        CompletableFuture<Void> done = track(new CompletableFuture<>());
        logic.loop().execute(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private <T> CompletableFuture<T> track(CompletableFuture<T> future) {
        pending.add(future);
        future.whenComplete((v, e) -> pending.remove(future));
        return future;
    }

    /** The instance is closing: nothing pending will run. */
    void close() {
        IllegalStateException closed = new IllegalStateException("the instance was closed");
        List.copyOf(pending).forEach(f -> f.completeExceptionally(closed));
    }

    private Node topRoot() {
        return tree.pageRoot(tree.topPageId());
    }

    @Override
    public Optional<ViewElement> $(String selector) {
        Selector parsed = Selector.parse(selector);
        return read(() -> {
            Node root = topRoot();
            Node found = root == null ? null : parsed.select(root, null);
            return Optional.ofNullable(found == null ? null : (ViewElement) element(found));
        });
    }

    @Override
    public List<ViewElement> $$(String selector) {
        Selector parsed = Selector.parse(selector);
        return read(() -> {
            Node root = topRoot();
            List<ViewElement> out = new ArrayList<>();
            if (root != null) {
                parsed.selectAll(root, null).forEach(n -> out.add(element(n)));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public Optional<ViewElement> element(int nodeId) {
        return read(() -> {
            Node root = topRoot();
            Node node = tree.node(nodeId);
            return Optional.ofNullable(node == null || root == null || !within(node, root) ? null : (ViewElement) element(node));
        });
    }

    private static boolean within(Node node, Node root) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    RealViewElement element(Node node) {
        // A host keeps its component instance while the node lives (the tag keys the node).
        Optional<ComponentHandle> component = node.component() == null ? Optional.empty()
                : Optional.of(logic.component(node.component().id()));
        return new RealViewElement(this, view, tree, node.id(), node.tag(), component);
    }

    @Override
    public String route() {
        return read(() -> {
            Node root = topRoot();
            return root == null ? "" : root.owner().path();
        });
    }

    @Override
    public String html() {
        return read(() -> {
            Node root = topRoot();
            if (root == null) {
                throw new IllegalStateException("no page is open");
            }
            return html.document(root, view.css(root.owner().path()), root.owner().path());
        });
    }

    @Override
    public SystemInfo systemInfo() {
        return logic.systemInfo();
    }

    @Override
    public double scrollTop() {
        return read(() -> view.pageScrollTop(tree.topPageId()));
    }

    @Override
    public String css() {
        return read(() -> {
            Node root = topRoot();
            return view.css(root == null ? "" : root.owner().path());
        });
    }

    @Override
    public AutoCloseable addListener(ViewListener listener) {
        view.addListener(listener);
        return () -> view.removeListener(listener);
    }

    @Override
    public AutoCloseable mirror(ViewListener listener) {
        if (logic.inLoop()) {
            view.addMirror(listener);
        } else {
            act(() -> view.addMirror(listener));
        }
        return () -> view.removeListener(listener);
    }
}
