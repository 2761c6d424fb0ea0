package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * The tt APIs the view layer answers: {@code createSelectorQuery} (a SelectorQuery whose
 * {@code exec} reads the render tree) and {@code pageScrollTo}.
 */
final class ViewApi implements TtApiModule {
    static final List<ApiEntry> APIS = List.of(ApiEntry.sync("createSelectorQuery"), ApiEntry.async("pageScrollTo"));
    private final ViewConnector view;

    ViewApi(ViewConnector view) {
        this.view = view;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.sync("createSelectorQuery", args -> new ValueHandle(view.model().createSelectorQuery()));
        tt.async("pageScrollTo", call -> {
            var options = call.params().json();
            instance.loop().execute(() -> {
                String error = view.view().pageScrollTo(view.model().topPageId(), options);
                if (error == null) {
                    call.succeed();
                } else {
                    call.fail(ApiErrors.PARAMETER_ERROR, error);
                }
            });
        });
    }
}
