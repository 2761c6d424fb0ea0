package dev.ttrtc.runtime.internal.apis.network;

import dev.ttrtc.runtime.UrlMapping;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * The network APIs: {@code request}, {@code downloadFile}, {@code uploadFile} and
 * {@code connectSocket}, over real connections (the JDK's HTTP and WebSocket client). Every URL
 * first passes through the launch's {@link UrlMapping}s. Answers and events come from the client's
 * threads and reach JS through the instance's loop; closing the instance stops everything in
 * flight without answering.
 */
public final class NetworkApi implements TtApiModule {
    private static final String MAPPED = "real HTTP through the JDK client; every URL first passes through the launch's URL mappings";
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("request").hostRule(MAPPED + "; enableCache ignored; response header names lower-case"),
            ApiEntry.async("downloadFile").hostRule(MAPPED + "; files land in ttfile://temp of the instance"),
            ApiEntry.async("uploadFile").hostRule(MAPPED + "; a multipart/form-data POST"),
            ApiEntry.async("connectSocket").hostRule(
                    "a real WebSocket through the URL mappings; onOpen's header is empty (the JDK does not expose it)"));
    private final List<UrlMapping> mappings;

    public NetworkApi(List<UrlMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        InstanceNetwork network = InstanceNetwork.install(instance, mappings);
        tt.task("request", new RequestApi(instance, network)::start);
        tt.task("downloadFile", new DownloadApi(instance, network)::start);
        tt.task("uploadFile", new UploadApi(instance, network)::start);
        tt.task("connectSocket", new SocketApi(instance, network)::start);
    }
}
