package dev.ttrtc.runtime.internal.apis.window;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.startPullDownRefresh} (the indicator shows and the page's {@code onPullDownRefresh}
 * runs on the next turn, as when the user pulls) and {@code tt.stopPullDownRefresh}. With no page
 * open both fail with 21301 {@code top view is null}.
 */
public final class PullDownRefreshApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("startPullDownRefresh").note("works whether or not the page enables pull-down refresh"),
            ApiEntry.async("stopPullDownRefresh"));

    private final PullDownRefresh refresh;

    public PullDownRefreshApi(PullDownRefresh refresh) {
        this.refresh = refresh;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("startPullDownRefresh", call -> {
            if (!refresh.hasPage()) {
                throw new ApiException(NavigationBarApi.NO_PAGE, NavigationBarApi.NO_PAGE_DETAIL);
            }
            call.succeed();
            // After the success callback, as a pull by the user would come.
            instance.loop().execute(() -> refresh.start(false));
        });
        tt.async("stopPullDownRefresh", call -> {
            if (!refresh.stop()) {
                throw new ApiException(NavigationBarApi.NO_PAGE, NavigationBarApi.NO_PAGE_DETAIL);
            }
            call.succeed();
        });
    }
}
