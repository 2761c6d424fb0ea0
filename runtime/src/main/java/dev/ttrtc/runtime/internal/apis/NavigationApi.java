package dev.ttrtc.runtime.internal.apis;

import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * navigateTo, redirectTo, navigateBack, reLaunch and switchTab. The page change happens on the
 * next loop turn, after the calling code returns, as on the platform. Failures answer the
 * platform's errNo: 21500 for a url that is not in app.json and for the tab rules (navigateTo and
 * redirectTo cannot open a tab page, switchTab opens only tab pages), 20000 for the rest.
 */
public final class NavigationApi implements TtApiModule {

    public static final List<ApiEntry> APIS = List.of(ApiEntry.async("navigateTo"), ApiEntry.async("redirectTo"),
            ApiEntry.async("reLaunch"), ApiEntry.async("switchTab"), ApiEntry.async("navigateBack"));

    /** Performs a navigation on the page stack; returns null, or why it failed. */
    @FunctionalInterface
    public interface Navigator {
        ApiException navigate(String kind, String url, int delta);
    }

    private final Navigator navigator;

    public NavigationApi(Navigator navigator) {
        this.navigator = navigator;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        for (String kind : new String[] {"navigateTo", "redirectTo", "reLaunch", "switchTab"}) {
            tt.async(kind, call -> {
                String url = call.params().string("url");
                instance.loop().execute(() -> finish(call, navigator.navigate(kind, url, 0)));
            });
        }
        tt.async("navigateBack", call -> {
            int delta = (int) call.params().optionalNumber("delta").orElse(1);
            instance.loop().execute(() -> finish(call, navigator.navigate("navigateBack", null, delta)));
        });
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    private static void finish(ApiCall call, ApiException error) {
        if (error == null) {
            call.succeed();
        } else {
            call.fail(error);
        }
    }
}
