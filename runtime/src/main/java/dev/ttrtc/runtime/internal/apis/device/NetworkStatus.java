package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.api.JsEventChannel;

/**
 * The simulated phone's network type, which the embedder may change while the instance runs
 * (every change is an {@code onNetworkStatusChange} event). Thread-safe.
 */
public final class NetworkStatus {
    private volatile String type;
    private volatile JsEventChannel changes;

    public NetworkStatus(String initialType) {
        this.type = LaunchOptions.checkNetworkType(initialType);
    }

    public String type() {
        return type;
    }

    /** {@code {networkType, isConnected}} as the change event carries it. */
    public ObjectNode status() {
        String current = type;
        return JsonNodeFactory.instance.objectNode().put("isConnected", !current.equals("none")).put("networkType", current);
    }

    void attach(JsEventChannel channel) {
        this.changes = channel;
    }

    /** Changes the type; listeners hear of it on the instance's loop when it differs. */
    public void set(String newType) {
        String checked = LaunchOptions.checkNetworkType(newType);
        synchronized (this) {
            if (checked.equals(type)) {
                return;
            }
            type = checked;
        }
        JsEventChannel channel = changes;
        if (channel != null) {
            channel.emit(status());
        }
    }
}
