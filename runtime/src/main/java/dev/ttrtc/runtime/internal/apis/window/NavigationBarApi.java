package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The navigation bar of the top page: {@code setNavigationBarTitle}, {@code setNavigationBarColor},
 * {@code showNavigationBarLoading}, {@code hideNavigationBarLoading} and {@code hideHomeButton}.
 * Each change is kept with its page ({@link PageWindows}, read by embedders through
 * {@code MiniProgram.window()}) and recorded as a UI entry. With no page open they fail with the
 * platform's 21301 {@code top view is null}.
 */
public final class NavigationBarApi implements TtApiModule {
    /** The platform's errNo when no page is open. */
    static final int NO_PAGE = 21301;
    static final String NO_PAGE_DETAIL = "top view is null";
    private static final Pattern HEX_COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})");
    public static final List<ApiEntry> APIS = List.of(ApiEntry.async("setNavigationBarTitle"),
            ApiEntry.async("setNavigationBarColor"), ApiEntry.async("showNavigationBarLoading"),
            ApiEntry.async("hideNavigationBarLoading"), ApiEntry.async("hideHomeButton"));

    private final PageWindows windows;

    public NavigationBarApi(PageWindows windows) {
        this.windows = windows;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("setNavigationBarTitle", call -> {
            String title = call.params().string("title");
            change(instance, "setNavigationBarTitle", JsonNodeFactory.instance.objectNode().put("title", title),
                    () -> windows.setTitle(title));
            call.succeed();
        });
        tt.async("setNavigationBarColor", call -> {
            ApiParams p = call.params();
            String frontColor = p.stringOneOf("frontColor", "#ffffff", "#000000");
            String backgroundColor = p.string("backgroundColor");
            if (!HEX_COLOR.matcher(backgroundColor).matches()) {
                throw ApiException.parameter("expect params.backgroundColor to be a hex colour, but got " + backgroundColor);
            }
            ObjectNode ui = JsonNodeFactory.instance.objectNode().put("frontColor", frontColor)
                    .put("backgroundColor", backgroundColor);
            p.optionalObject("animation").ifPresent(a -> ui.set("animation", a.json()));
            change(instance, "setNavigationBarColor", ui, () -> windows.setColors(frontColor, backgroundColor));
            call.succeed();
        });
        tt.async("showNavigationBarLoading", call -> {
            change(instance, "showNavigationBarLoading", null, () -> windows.setLoading(true));
            call.succeed();
        });
        tt.async("hideNavigationBarLoading", call -> {
            change(instance, "hideNavigationBarLoading", null, () -> windows.setLoading(false));
            call.succeed();
        });
        tt.async("hideHomeButton", call -> {
            change(instance, "hideHomeButton", null, windows::hideHomeButton);
            call.succeed();
        });
    }

    /** Applies a change to the top page's bar and records it; fails when no page is open. */
    static void change(InstanceContext instance, String name, ObjectNode details, BooleanSupplier change)
            throws ApiException {
        if (!change.getAsBoolean()) {
            throw new ApiException(NO_PAGE, NO_PAGE_DETAIL);
        }
        ObjectNode data = details == null ? JsonNodeFactory.instance.objectNode() : details;
        instance.events().record(HostEvent.Kind.UI, name, name + (details == null ? "" : " " + details), data);
    }
}
