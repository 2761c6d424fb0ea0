package dev.ttrtc.runtime.internal.apis;

import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;

/**
 * navigateTo, redirectTo, navigateBack and reLaunch. The page change happens on the next loop
 * turn, after the calling code returns, as on the platform; failures answer errNo 20000.
 */
public final class NavigationApi implements TtApiModule {

    /** Performs a navigation on the page stack; returns null or the errMsg detail. */
    @FunctionalInterface
    public interface Navigator {
        String navigate(String kind, String url, int delta);
    }

    private final Navigator navigator;

    public NavigationApi(Navigator navigator) {
        this.navigator = navigator;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        for (String kind : new String[] {"navigateTo", "redirectTo", "reLaunch"}) {
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

    private static void finish(ApiCall call, String error) {
        if (error == null) {
            call.succeed();
        } else {
            call.fail(ApiErrors.PARAMETER_ERROR, error);
        }
    }
}
