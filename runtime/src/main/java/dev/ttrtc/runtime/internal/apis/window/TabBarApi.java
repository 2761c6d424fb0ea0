package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.TabBar;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tab bar APIs over app.json's {@code tabBar} ({@link PageWindows} keeps the state the
 * simulator draws): show/hide, badges, red dots, items and style. Every change is also a UI
 * entry. An app without a tabBar fails them with 21500 {@code tabBar is not configured in app.json}
 * (host wording); a tab index outside the list fails with 20000.
 */
public final class TabBarApi implements TtApiModule {
    private static final Pattern HEX_COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    public static final List<ApiEntry> APIS = List.of(ApiEntry.async("showTabBar"), ApiEntry.async("hideTabBar"),
            ApiEntry.async("setTabBarBadge"), ApiEntry.async("removeTabBarBadge"), ApiEntry.async("showTabBarRedDot"),
            ApiEntry.async("hideTabBarRedDot"), ApiEntry.async("setTabBarItem"), ApiEntry.async("setTabBarStyle"));

    private final PageWindows windows;

    public TabBarApi(PageWindows windows) {
        this.windows = windows;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("showTabBar", call -> {
            ObjectNode ui = ui(call.params()).put("animation", call.params().optionalBool("animation", false));
            windows.setTabBarVisible(true);
            record(instance, "showTabBar", ui);
            call.succeed();
        });
        tt.async("hideTabBar", call -> {
            ObjectNode ui = ui(call.params()).put("animation", call.params().optionalBool("animation", false));
            windows.setTabBarVisible(false);
            record(instance, "hideTabBar", ui);
            call.succeed();
        });
        tt.async("setTabBarBadge", call -> {
            int index = index(call.params());
            String text = call.params().string("text");
            windows.changeTab(index, t -> new TabBar.Item(t.pagePath(), t.text(), t.iconPath(), t.selectedIconPath(), text,
                    t.redDot()));
            record(instance, "setTabBarBadge", ui(call.params()).put("index", index).put("text", text));
            call.succeed();
        });
        tt.async("removeTabBarBadge", call -> {
            int index = index(call.params());
            windows.changeTab(index, t -> new TabBar.Item(t.pagePath(), t.text(), t.iconPath(), t.selectedIconPath(), "",
                    t.redDot()));
            record(instance, "removeTabBarBadge", ui(call.params()).put("index", index));
            call.succeed();
        });
        for (boolean show : new boolean[] {true, false}) {
            String name = show ? "showTabBarRedDot" : "hideTabBarRedDot";
            tt.async(name, call -> {
                int index = index(call.params());
                windows.changeTab(index, t -> new TabBar.Item(t.pagePath(), t.text(), t.iconPath(), t.selectedIconPath(),
                        t.badge(), show));
                record(instance, name, ui(call.params()).put("index", index));
                call.succeed();
            });
        }
        tt.async("setTabBarItem", call -> {
            ApiParams p = call.params();
            int index = index(p);
            Optional<String> text = p.optionalString("text");
            Optional<String> icon = p.optionalString("iconPath");
            Optional<String> selectedIcon = p.optionalString("selectedIconPath");
            windows.changeTab(index, t -> new TabBar.Item(t.pagePath(), text.orElse(t.text()), icon.orElse(t.iconPath()),
                    selectedIcon.orElse(t.selectedIconPath()), t.badge(), t.redDot()));
            ObjectNode ui = ui(p).put("index", index);
            text.ifPresent(v -> ui.put("text", v));
            icon.ifPresent(v -> ui.put("iconPath", v));
            selectedIcon.ifPresent(v -> ui.put("selectedIconPath", v));
            record(instance, "setTabBarItem", ui);
            call.succeed();
        });
        tt.async("setTabBarStyle", call -> {
            ApiParams p = call.params();
            ObjectNode ui = ui(p);
            String color = color(p, "color");
            String selectedColor = color(p, "selectedColor");
            String backgroundColor = color(p, "backgroundColor");
            String borderStyle = p.has("borderStyle") ? p.stringOneOf("borderStyle", "black", "white") : null;
            windows.setTabStyle(color, selectedColor, backgroundColor, borderStyle);
            for (String key : new String[] {"color", "selectedColor", "backgroundColor", "borderStyle"}) {
                if (p.has(key)) {
                    ui.set(key, p.json(key));
                }
            }
            record(instance, "setTabBarStyle", ui);
            call.succeed();
        });
    }

    /** Checks the app has a tab bar and starts the UI entry's details. */
    private ObjectNode ui(ApiParams p) throws ApiException {
        if (!windows.hasTabBar()) {
            throw new ApiException(ApiErrors.BUSINESS_ERROR, "tabBar is not configured in app.json");
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private int index(ApiParams p) throws ApiException {
        ui(p);
        double index = p.number("index");
        if (index != Math.rint(index) || index < 0 || index >= windows.tabCount()) {
            throw ApiException.parameter("expect params.index to be a tab index from 0 to " + (windows.tabCount() - 1)
                    + ", but got " + (index == Math.rint(index) ? String.valueOf((long) index) : String.valueOf(index)));
        }
        return (int) index;
    }

    private static String color(ApiParams p, String key) throws ApiException {
        Optional<String> value = p.optionalString(key);
        if (value.isPresent() && !HEX_COLOR.matcher(value.get()).matches()) {
            throw ApiException.parameter("expect params." + key + " to be a 6-digit hex colour, but got " + value.get());
        }
        return value.orElse(null);
    }

    private static void record(InstanceContext instance, String name, ObjectNode details) {
        instance.events().record(HostEvent.Kind.UI, name, name + " " + details, details);
    }
}
