package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.internal.FileProblems;
import dev.ttrtc.runtime.TabBar;
import dev.ttrtc.runtime.internal.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The window configuration of a project: app.json {@code window} defaults, each page's json
 * overriding them, and app.json {@code tabBar}, checked as the devtools check it. A broken
 * {@code tabBar} stops the launch; a window value of the wrong type is ignored with a warning
 * (real projects carry such leftovers and the phone shows its default).
 */
public final class WindowConfig {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEX_COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    /** The platform's window defaults (app.json documentation). */
    private static final PageConfig PLATFORM_DEFAULTS = new PageConfig("", "#ffffff", "#000000", "default", false);
    /** Host rule: the tab bar colours the simulator uses when app.json gives none (the docs name no default). */
    static final String TAB_COLOR = "#999999";
    static final String TAB_SELECTED_COLOR = "#000000";
    static final String TAB_BACKGROUND_COLOR = "#ffffff";

    /** The window of one page, as its json and app.json configure it. */
    public record PageConfig(String title, String frontColor, String backgroundColor, String style,
            boolean enablePullDownRefresh) {
    }

    private final Map<String, PageConfig> pages;
    private final Optional<TabBar> tabBar;
    private final String homeRoute;
    private final List<String> warnings;

    private WindowConfig(Map<String, PageConfig> pages, Optional<TabBar> tabBar, String homeRoute, List<String> warnings) {
        this.pages = pages;
        this.tabBar = tabBar;
        this.homeRoute = homeRoute;
        this.warnings = warnings;
    }

    /** The configuration of a mini-program project (a mini-game has none: every page uses the defaults). */
    public static WindowConfig load(Project project) throws LaunchException {
        List<String> warnings = new ArrayList<>();
        JsonNode appJson = read(project, "app.json", warnings);
        PageConfig app = override(PLATFORM_DEFAULTS, appJson == null ? null : appJson.get("window"), "app.json window", warnings);
        Map<String, PageConfig> pages = new LinkedHashMap<>();
        for (String route : project.pages()) {
            pages.put(route, override(app, read(project, route + ".json", warnings), route + ".json", warnings));
        }
        Optional<TabBar> tabBar = appJson == null || !appJson.has("tabBar")
                ? Optional.empty() : Optional.of(tabBar(project, appJson.get("tabBar")));
        return new WindowConfig(pages, tabBar, project.entryPage(), List.copyOf(warnings));
    }

    /** The window of a page listed in app.json (the defaults for anything else). */
    public PageConfig page(String route) {
        return pages.getOrDefault(route, PLATFORM_DEFAULTS);
    }

    /** The tab bar as app.json configures it, none selected yet. */
    public Optional<TabBar> tabBar() {
        return tabBar;
    }

    /** The routes of the tab pages, in tab order. */
    public List<String> tabRoutes() {
        return tabBar.map(t -> t.items().stream().map(TabBar.Item::pagePath).toList()).orElse(List.of());
    }

    /** The page the "back to home" button leads to. */
    public String homeRoute() {
        return homeRoute;
    }

    /** Values that were ignored, one line each, for the event log. */
    public List<String> warnings() {
        return warnings;
    }

    private static JsonNode read(Project project, String file, List<String> warnings) throws LaunchException {
        Optional<Path> path = project.resolveInside(file);
        if (path.isEmpty() || !Files.isRegularFile(path.get())) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(path.get(), StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                if (file.equals("app.json")) {
                    throw new LaunchException("app.json: must contain a JSON object");
                }
                warnings.add(file + " is not a JSON object and was ignored");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            if (file.equals("app.json")) {
                throw new LaunchException("app.json: invalid JSON: " + e.getOriginalMessage());
            }
            warnings.add(file + " is not valid JSON and was ignored: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + ": " + FileProblems.reason(e));
        }
    }

    private static PageConfig override(PageConfig base, JsonNode window, String where, List<String> warnings) {
        if (window == null || !window.isObject()) {
            return base;
        }
        String title = text(window, "navigationBarTitleText", base.title(), where, warnings);
        String textStyle = oneOf(window, "navigationBarTextStyle", null, where, warnings, "white", "black");
        String frontColor = textStyle == null ? base.frontColor() : (textStyle.equals("white") ? "#ffffff" : "#000000");
        String background = color(window, "navigationBarBackgroundColor", base.backgroundColor(), where, warnings);
        String style = oneOf(window, "navigationStyle", base.style(), where, warnings, "default", "custom");
        boolean pullDown = base.enablePullDownRefresh();
        JsonNode pull = window.get("enablePullDownRefresh");
        if (pull != null) {
            if (pull.isBoolean()) {
                pullDown = pull.asBoolean();
            } else {
                warnings.add(where + ": enablePullDownRefresh must be true or false, got " + pull);
            }
        }
        return new PageConfig(title, frontColor, background, style, pullDown);
    }

    private static String text(JsonNode node, String key, String fallback, String where, List<String> warnings) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            warnings.add(where + ": " + key + " must be a string, got " + value);
            return fallback;
        }
        return value.asText();
    }

    private static String oneOf(JsonNode node, String key, String fallback, String where, List<String> warnings,
            String... allowed) {
        String value = text(node, key, fallback, where, warnings);
        if (value != null && !List.of(allowed).contains(value)) {
            warnings.add(where + ": " + key + " must be " + String.join(" or ", allowed) + ", got \"" + value + "\"");
            return fallback;
        }
        return value;
    }

    private static String color(JsonNode node, String key, String fallback, String where, List<String> warnings) {
        String value = text(node, key, fallback, where, warnings);
        if (value != null && !HEX_COLOR.matcher(value).matches()) {
            warnings.add(where + ": " + key + " must be a hex colour such as #000000, got \"" + value + "\"");
            return fallback;
        }
        return value;
    }

    // ---- tabBar: wrong configuration stops the launch, as it stops the devtools' compile ----------

    private static TabBar tabBar(Project project, JsonNode config) throws LaunchException {
        if (!config.isObject()) {
            throw new LaunchException("app.json: tabBar must be an object");
        }
        JsonNode list = config.get("list");
        if (list == null || !list.isArray()) {
            throw new LaunchException("app.json: tabBar.list must be an array of 2 to 5 tabs");
        }
        if (list.size() < 2 || list.size() > 5) {
            throw new LaunchException("app.json: tabBar.list must have 2 to 5 tabs, has " + list.size());
        }
        List<TabBar.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "app.json: tabBar.list[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw new LaunchException(at + " must be an object with pagePath and text");
            }
            String pagePath = requiredText(item, "pagePath", at);
            String route = pagePath.startsWith("/") ? pagePath.substring(1) : pagePath;
            if (!project.pages().contains(route)) {
                throw new LaunchException(at + ".pagePath \"" + pagePath + "\" is not one of the pages in app.json");
            }
            Optional<String> subpackage = project.subpackageOf(route);
            if (subpackage.isPresent()) {
                throw new LaunchException(at + ".pagePath \"" + pagePath + "\" is in the subpackage \"" + subpackage.get()
                        + "\": tab pages must be in the main package");
            }
            if (!seen.add(route)) {
                throw new LaunchException(at + ".pagePath \"" + pagePath + "\" is already a tab");
            }
            String text = requiredText(item, "text", at);
            items.add(new TabBar.Item(route, text, icon(project, item, "iconPath", at),
                    icon(project, item, "selectedIconPath", at), "", false));
        }
        return new TabBar(items, -1, true,
                tabColor(config, "color", TAB_COLOR), tabColor(config, "selectedColor", TAB_SELECTED_COLOR),
                tabColor(config, "backgroundColor", TAB_BACKGROUND_COLOR),
                tabChoice(config, "borderStyle", "black", "white"), tabChoice(config, "position", "bottom", "top"));
    }

    private static String requiredText(JsonNode item, String key, String at) throws LaunchException {
        JsonNode value = item.get(key);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new LaunchException(at + "." + key + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String icon(Project project, JsonNode item, String key, String at) throws LaunchException {
        JsonNode value = item.get(key);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new LaunchException(at + "." + key + " must be a path in the project");
        }
        String path = value.asText();
        Optional<Path> file = project.resolveInside(path.startsWith("/") ? path.substring(1) : path);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            throw new LaunchException(at + "." + key + " \"" + path + "\" is not a file in the project");
        }
        return path;
    }

    private static String tabColor(JsonNode config, String key, String fallback) throws LaunchException {
        JsonNode value = config.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual() || !HEX_COLOR.matcher(value.asText()).matches()) {
            throw new LaunchException("app.json: tabBar." + key + " must be a hex colour such as #999999, got " + value);
        }
        return value.asText();
    }

    private static String tabChoice(JsonNode config, String key, String... allowed) throws LaunchException {
        JsonNode value = config.get(key);
        if (value == null) {
            return allowed[0];
        }
        if (!value.isTextual() || !List.of(allowed).contains(value.asText())) {
            throw new LaunchException("app.json: tabBar." + key + " must be " + String.join(" or ", allowed) + ", got " + value);
        }
        return value.asText();
    }
}
