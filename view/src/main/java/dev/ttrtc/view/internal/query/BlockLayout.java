package dev.ttrtc.view.internal.query;

import dev.ttrtc.view.internal.tree.Node;
import dev.ttrtc.view.internal.ttml.JsValues;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout rule used where no browser lays the page out (selector queries, tap coordinates,
 * scroll sizes). It is not CSS layout, and says so in docs/view.md: every element is a block as
 * wide as its parent (the page is the window's width), stacked top to bottom in its parent; an
 * inline {@code style} width or height in px, rpx or % (width only) is honoured; otherwise an
 * element is as high as its children together, a non-empty text is 20 px per line, and the
 * built-ins whose CSS fixes their height have it (image 225 px, textarea 150 px or one line
 * with auto-height, swiper 150 px, slider 28 px, icon its size) unless the style says; a hidden element (and what is in it) is
 * 0×0 at its parent's position. Positions are relative to the page; a scroll-view's content moves
 * by its scroll offset.
 */
public final class BlockLayout {
    /** Host rule: the height of one line of text under this rule. */
    public static final double LINE_HEIGHT = 20;
    private static final Pattern LENGTH = Pattern.compile("(?:^|;)\\s*(width|height)\\s*:\\s*(-?\\d*\\.?\\d+)(px|rpx|%)?");

    /** A box in page coordinates. */
    public record Box(double left, double top, double width, double height) {
    }

    /** How far a scroll-view's content is scrolled: [left, top], or null for other elements. */
    public interface Scrolls {
        double[] offset(Node node);
    }

    private final double windowWidth;
    private final Scrolls scrolls;
    private final Map<Node, Box> boxes = new IdentityHashMap<>();

    private BlockLayout(double windowWidth, Scrolls scrolls) {
        this.windowWidth = windowWidth;
        this.scrolls = scrolls;
    }

    /** Lays out a page from its root. */
    public static BlockLayout of(Node root, double windowWidth, Scrolls scrolls) {
        BlockLayout layout = new BlockLayout(windowWidth, scrolls);
        layout.place(root, 0, 0, windowWidth, false);
        return layout;
    }

    /** The node's box; a node not in the laid out tree is 0×0 at the origin. */
    public Box box(Node node) {
        Box box = boxes.get(node);
        return box == null ? new Box(0, 0, 0, 0) : box;
    }

    /** The height of the node's content (what a scroll-view scrolls through). */
    public double contentHeight(Node node) {
        double height = 0;
        for (Node child : node.children()) {
            height += box(child).height();
        }
        return height;
    }

    private double place(Node node, double left, double top, double parentWidth, boolean hidden) {
        if (node.isText()) {
            double height = hidden || node.text().isBlank() ? 0 : LINE_HEIGHT * (node.text().strip().split("\n").length);
            boxes.put(node, new Box(left, top, hidden ? 0 : parentWidth, height));
            return height;
        }
        boolean isHidden = hidden || JsValues.toBoolean(node.attributes().get("hidden"));
        double[] size = explicitSize(node, parentWidth);
        double width = isHidden ? 0 : (size[0] >= 0 ? size[0] : parentWidth);
        double[] scroll = scrolls.offset(node);
        double childLeft = left - (scroll == null ? 0 : scroll[0]);
        double childTop = top - (scroll == null ? 0 : scroll[1]);
        double childrenHeight = 0;
        for (Node child : node.children()) {
            childrenHeight += place(child, childLeft, childTop + childrenHeight, width, isHidden);
        }
        double height = isHidden ? 0 : (size[1] >= 0 ? size[1] : builtInHeight(node, childrenHeight));
        boxes.put(node, new Box(left, top, width, height));
        return height;
    }

    /** The height the built-in's own CSS gives it (image, video, textarea, swiper, picker-view, slider, icon, progress), else its children's. */
    private static double builtInHeight(Node node, double childrenHeight) {
        return switch (node.tag()) {
            case "image", "video" -> 225;
            case "textarea" -> JsValues.toBoolean(node.attributes().get("auto-height")) ? LINE_HEIGHT : 150;
            case "swiper" -> 150;
            case "picker-view" -> 170;
            case "slider" -> 28;
            case "icon" -> {
                double size = JsValues.toNumber(node.attributes().getOrDefault("size", 24.0));
                yield Double.isFinite(size) && size > 0 ? size : 24;
            }
            case "progress" -> {
                double stroke = JsValues.toNumber(node.attributes().getOrDefault("stroke-width", 6.0));
                double bar = Double.isFinite(stroke) && stroke >= 0 ? stroke : 6;
                yield JsValues.toBoolean(node.attributes().get("show-info")) ? Math.max(bar, LINE_HEIGHT) : bar;
            }
            default -> childrenHeight;
        };
    }

    /** [width, height] from the inline style, -1 where not given. */
    private double[] explicitSize(Node node, double parentWidth) {
        double[] size = {-1, -1};
        Object style = node.attributes().get("style");
        if (style == null || style == Boolean.TRUE) {
            return size;
        }
        Matcher m = LENGTH.matcher(JsValues.toDisplayString(style));
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            String unit = m.group(3) == null ? "px" : m.group(3);
            boolean isWidth = m.group(1).equals("width");
            double px = switch (unit) {
                case "rpx" -> value * windowWidth / 750;
                case "%" -> isWidth ? value * parentWidth / 100 : -1;
                default -> value;
            };
            size[isWidth ? 0 : 1] = px;
        }
        return size;
    }
}
