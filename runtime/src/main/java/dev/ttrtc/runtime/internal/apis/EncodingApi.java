package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.node.BinaryNode;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.Base64;
import java.util.List;

/**
 * {@code tt.arrayBufferToBase64(buffer)} and {@code tt.base64ToArrayBuffer(text)}, with the JDK's
 * codec: standard alphabet with padding out; in, characters outside the alphabet (line breaks,
 * spaces) are skipped, as the MIME decoder does.
 */
public final class EncodingApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.sync("arrayBufferToBase64"),
            ApiEntry.sync("base64ToArrayBuffer"));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.sync("arrayBufferToBase64", args -> Base64.getEncoder().encodeToString(args.arrayBuffer(0).orElseThrow(
                () -> ApiException.parameter("expect arrayBuffer to be ArrayBuffer, but got " + args.typeOf(0)))));
        tt.sync("base64ToArrayBuffer", args -> {
            String text = args.string(0).orElseThrow(
                    () -> ApiException.parameter("expect base64 to be string, but got " + args.typeOf(0)));
            try {
                return BinaryNode.valueOf(Base64.getMimeDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                throw ApiException.parameter("base64 is not valid base64 text");
            }
        });
    }
}
