package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.Clipboard;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.setClipboardData}/{@code tt.getClipboardData} over the host's {@link Clipboard}, which
 * every instance of a host shares and embedders read and write. Setting records a UI entry (a
 * phone confirms the copy with a toast).
 */
public final class ClipboardApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("setClipboardData").hostRule("one in-memory clipboard per MiniProgramHost, shared by its "
                    + "instances (MiniProgramHost.clipboard())"),
            ApiEntry.async("getClipboardData").hostRule("reads the host's in-memory clipboard"));

    private final Clipboard clipboard;

    public ClipboardApi(Clipboard clipboard) {
        this.clipboard = clipboard;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("setClipboardData", call -> {
            String data = call.params().string("data");
            clipboard.setText(data);
            ObjectNode ui = JsonNodeFactory.instance.objectNode().put("data", data);
            instance.events().record(HostEvent.Kind.UI, "setClipboardData", "setClipboardData " + ui, ui);
            call.succeed();
        });
        tt.async("getClipboardData", call -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode().put("data", clipboard.text());
            call.succeed(result);
        });
    }
}
