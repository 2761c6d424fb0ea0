package dev.ttrtc.runtime.internal.apis;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/** {@code tt.getSystemInfoSync()} and {@code tt.getSystemInfo()}: the embedder's {@link dev.ttrtc.runtime.SystemInfo}. */
public final class SystemInfoApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.sync("getSystemInfoSync").hostRule("an iPhone-sized phone; every field replaceable (LaunchOptions.systemInfo)"),
            ApiEntry.async("getSystemInfo").hostRule("same answer as getSystemInfoSync"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.sync("getSystemInfoSync", args -> instance.systemInfo().toJson());
        tt.async("getSystemInfo", call -> call.succeed(instance.systemInfo().toJson()));
    }
}
