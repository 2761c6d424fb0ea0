package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.view.internal.html.ElementKinds;
import dev.ttrtc.view.internal.html.Html;
import dev.ttrtc.view.internal.tree.Change;
import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.tree.ViewTree;
import dev.ttrtc.view.internal.ttml.Location;
import dev.ttrtc.view.spi.ComponentProvider;
import dev.ttrtc.view.spi.ElementBehavior;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in components of one instance: the view's own and those contributed through
 * {@link ComponentProvider} (a contributed tag the view also has replaces it). Gives every
 * built-in element its behavior when it enters the tree, and answers for their HTML. An unknown
 * tag is a plain container with a WARN entry naming it. Loop thread only.
 */
public final class Builtins implements ElementKinds, ViewTree.NodeSetup {

    /** What built-in elements need of the view around them. */
    public interface Services {
        /** Dispatches a component event at an element; returns the handler's result. */
        JsonNode emit(Node element, String type, JsonNode detail);

        /** Records a change for mirrors in the current (or a new) pass. */
        void changed(Change change);

        void warn(Location location, String message);

        /** Whether the element is (still) in a page's tree. */
        boolean inTree(Node element);

        /** [scrollWidth, scrollHeight, width, height] of an element under the layout rule. */
        double[] measure(Node element);

        /** Inline CSS with its rpx in px of the instance's window. */
        String inlineStyle(String style);
    }

    /** The view's own built-ins, one class each. */
    private static List<ComponentProvider> own(ScrollViewComponent.Measure measure) {
        return List.of(new ViewComponent(), new TextComponent(), new ButtonComponent(), new InputComponent(),
                new TextareaComponent(), new SwitchComponent(), ChoiceComponent.checkbox(), ChoiceGroupComponent.checkboxGroup(),
                ChoiceComponent.radio(), ChoiceGroupComponent.radioGroup(), new SliderComponent(), new PickerComponent(),
                new ImageComponent(), new IconComponent(), new ScrollViewComponent(measure), new SwiperComponent(),
                new SwiperComponent.ItemProvider(), new NavigatorComponent(), new RichTextComponent(), new FormComponent(),
                new LabelComponent(), new VideoComponent(), new ProgressComponent(), new PickerViewComponent(),
                new PickerViewComponent.ColumnProvider());
    }

    /** The platform's documented built-ins the host lacks, with why. */
    private static final Map<String, String> NOT_BUILT = Map.ofEntries(
            Map.entry("web-view", "it would show pages from the network, and the host talks only to this machine"),
            Map.entry("canvas", "the host has no drawing API"),
            Map.entry("map", "the host has no maps"),
            Map.entry("camera", "the local camera is the rtc-room's"),
            Map.entry("live-player", "the host plays no live streams"),
            Map.entry("movable-area", "not built yet"),
            Map.entry("movable-view", "not built yet"),
            Map.entry("cover-view", "not built yet"),
            Map.entry("cover-image", "not built yet"),
            Map.entry("ad", "the host shows no ads"));

    private final LogicLayer logic;
    private final Services services;
    private final Map<String, ComponentProvider> providers = new LinkedHashMap<>();
    private final Set<String> warnedTags = new HashSet<>();

    public Builtins(LogicLayer logic, List<ComponentProvider> contributed, Services services) {
        this.logic = logic;
        this.services = services;
        for (ComponentProvider p : own(element -> services.measure(Elements.node(element)))) {
            providers.put(p.tag(), p);
        }
        for (ComponentProvider p : contributed) {
            providers.put(p.tag(), p);
        }
    }

    /** The behavior of a built-in element, or null (hosts, slots, the page root, unknown tags). */
    public static ElementBehavior behavior(Node element) {
        return element.state() instanceof ElementBehavior b ? b : null;
    }

    /** A scroll-view's offset [left, top], or null for other elements. */
    public static double[] scrollOffset(Node element) {
        return behavior(element) instanceof ScrollViewComponent.ScrollView s ? new double[] {s.scrollLeft(), s.scrollTop()} : null;
    }

    @Override
    public void created(Node node) {
        if (isStructural(node)) {
            return;
        }
        ComponentProvider provider = providers.get(node.tag());
        if (provider == null) {
            if (warnedTags.add(node.owner().path() + "\u0000" + node.tag())) {
                services.warn(node.source().location(), NOT_BUILT.containsKey(node.tag())
                        ? "<" + node.tag() + "> is a built-in component of the platform that tt-rtc-host does not have ("
                                + NOT_BUILT.get(node.tag()) + "): rendered as a plain container"
                        : "unknown tag <" + node.tag() + ">: rendered as a plain container"
                                + " (it is neither a built-in component nor in usingComponents of " + node.owner().path() + ")");
            }
            return;
        }
        node.state(provider.create(new RealElementContext(node, provider, logic, services)));
    }

    @Override
    public void attributesChanged(Node node) {
        ElementBehavior behavior = behavior(node);
        if (behavior != null) {
            behavior.attributesChanged();
        }
    }

    @Override
    public void removed(Node node) {
        ElementBehavior behavior = behavior(node);
        if (behavior != null) {
            behavior.removed();
        }
    }

    private static boolean isStructural(Node node) {
        return node.tag().equals("page") && node.source() == null || node.tag().equals("slot") && !node.owner().isPage();
    }

    @Override
    public String htmlTag(Node element) {
        if (element.component() != null) {
            return element.tag();
        }
        // Built-ins, contributed components and unknown tags alike: never a name the page's own
        // HTML or a custom component could have.
        return "tt-" + element.tag().replaceAll("[^a-zA-Z0-9_-]", "-").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void attributes(Node element, Map<String, String> out) {
        ElementBehavior behavior = behavior(element);
        if (behavior != null) {
            behavior.htmlAttributes(out);
        }
    }

    @Override
    public void inner(Node element, Html out) {
        ElementBehavior behavior = behavior(element);
        if (behavior != null) {
            behavior.innerHtml(out);
        }
    }

    @Override
    public String text(Node textNode) {
        Node parent = textNode.parent();
        return parent != null && behavior(parent) instanceof TextComponent.Text t ? t.transform(textNode.text()) : textNode.text();
    }

    @Override
    public boolean showsChildren(Node element) {
        ElementBehavior behavior = behavior(element);
        return behavior == null || behavior.showsChildren();
    }

    /** The base CSS: the framework's elements, then every built-in's. */
    public String baseCss() {
        StringBuilder css = new StringBuilder(BASE_CSS);
        for (ComponentProvider p : providers.values()) {
            String own = p.baseCss();
            if (!own.isEmpty()) {
                css.append(own).append('\n');
            }
        }
        return css.toString();
    }

    private static final String BASE_CSS = """
            tt-page { display: block; min-height: 100%; color: #000000;
              font: 16px/1.4 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
            tt-slot { display: contents; }
            tt-t { display: inline; }
            [hidden] { display: none !important; }
            """;
}
