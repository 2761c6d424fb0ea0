package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.getNetworkType} and {@code tt.onNetworkStatusChange}/{@code offNetworkStatusChange}
 * over the instance's {@link NetworkStatus} (LaunchOptions.networkType, changed at run time with
 * {@code MiniProgram.setNetworkType}).
 */
public final class NetworkStatusApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("getNetworkType").hostRule("the type the embedder set (LaunchOptions.networkType, "
                    + "MiniProgram.setNetworkType; wifi by default)"),
            ApiEntry.sync("onNetworkStatusChange").hostRule("fires when the embedder changes the type"),
            ApiEntry.sync("offNetworkStatusChange"));

    private final NetworkStatus network;

    public NetworkStatusApi(NetworkStatus network) {
        this.network = network;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        JsEventChannel changes = instance.newEventChannel("onNetworkStatusChange");
        network.attach(changes);
        tt.async("getNetworkType", call -> {
            ObjectNode result = network.status();
            result.remove("isConnected");
            call.succeed(result);
        });
        tt.sync("onNetworkStatusChange", args -> {
            changes.addFrom(args, 0);
            return null;
        });
        tt.sync("offNetworkStatusChange", args -> {
            changes.removeFrom(args, 0);
            return null;
        });
    }
}
