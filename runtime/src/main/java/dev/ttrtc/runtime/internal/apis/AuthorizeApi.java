package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tt.authorize} and {@code tt.getSetting}. The simulated user grants every scope unless the
 * embedder denied it at launch; capture APIs consult the same answer.
 */
public final class AuthorizeApi implements TtApiModule {
    static final List<String> SCOPES = List.of("scope.userInfo", "scope.userLocation", "scope.address",
            "scope.invoiceTitle", "scope.invoice", "scope.record", "scope.camera", "scope.album",
            "scope.writePhotosAlbum");

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        Map<String, Boolean> asked = new LinkedHashMap<>();
        tt.async("authorize", call -> {
            String scope = call.params().stringOneOf("scope", SCOPES.toArray(String[]::new));
            boolean granted = instance.isGranted(scope);
            asked.put(scope, granted);
            if (!granted) {
                throw new ApiException(ApiErrors.AUTH_DENY, ApiErrors.AUTH_DENY_DETAIL);
            }
            call.succeed();
        });
        tt.async("getSetting", call -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            ObjectNode settings = result.putObject("authSetting");
            asked.forEach(settings::put);
            call.succeed(result);
        });
    }
}
