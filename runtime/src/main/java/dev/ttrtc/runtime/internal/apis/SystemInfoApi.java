package dev.ttrtc.runtime.internal.apis;

import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;

/** {@code tt.getSystemInfoSync()} and {@code tt.getSystemInfo()}: the embedder's {@link dev.ttrtc.runtime.SystemInfo}. */
public final class SystemInfoApi implements TtApiModule {
    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.sync("getSystemInfoSync", args -> instance.systemInfo().toJson());
        tt.async("getSystemInfo", call -> call.succeed(instance.systemInfo().toJson()));
    }
}
