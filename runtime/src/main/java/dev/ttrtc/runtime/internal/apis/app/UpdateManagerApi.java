package dev.ttrtc.runtime.internal.apis.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.getUpdateManager()}: the instance's one UpdateManager. Host rule: the project on disk
 * is the newest version, so the check that starts with the first call finds no update —
 * {@code onCheckForUpdate} listeners registered by then hear {@code {hasUpdate: false}} on a
 * later turn, {@code onUpdateReady}/{@code onUpdateFailed} never fire, and {@code applyUpdate}
 * does nothing.
 */
public final class UpdateManagerApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(ApiEntry.sync("getUpdateManager").hostRule(
            "the project on disk is the newest version: onCheckForUpdate hears {hasUpdate: false}, onUpdateReady and "
                    + "onUpdateFailed never fire, applyUpdate does nothing"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        JsObject[] manager = new JsObject[1];
        tt.sync("getUpdateManager", args -> {
            if (manager[0] == null) {
                manager[0] = create(instance);
            }
            return manager[0];
        });
    }

    private static JsObject create(InstanceContext instance) {
        JsEventChannel check = instance.newEventChannel("UpdateManager.onCheckForUpdate");
        JsEventChannel ready = instance.newEventChannel("UpdateManager.onUpdateReady");
        JsEventChannel failed = instance.newEventChannel("UpdateManager.onUpdateFailed");
        JsObjectBuilder builder = instance.newObject("UpdateManager");
        builder.sync("onCheckForUpdate", args -> {
            check.addFrom(args, 0);
            return null;
        });
        builder.sync("onUpdateReady", args -> {
            ready.addFrom(args, 0);
            return null;
        });
        builder.sync("onUpdateFailed", args -> {
            failed.addFrom(args, 0);
            return null;
        });
        builder.sync("applyUpdate", args -> null);
        // The check finishes after the calling code has registered its listeners.
        check.emit(JsonNodeFactory.instance.objectNode().put("hasUpdate", false));
        return builder.build();
    }
}
