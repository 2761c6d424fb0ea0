package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * {@code tt.authorize}, {@code tt.getSetting} and {@code tt.openSetting}, answered from the
 * instance's {@link Permissions}: every scope is granted unless the embedder denied it at launch;
 * capture APIs and {@code getUserInfo} consult the same answers.
 */
public final class AuthorizeApi implements TtApiModule {
    static final List<String> SCOPES = List.of("scope.userInfo", "scope.userLocation", "scope.address",
            "scope.invoiceTitle", "scope.invoice", "scope.record", "scope.camera", "scope.album",
            "scope.writePhotosAlbum");
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("authorize").hostRule("the simulated user grants every scope the embedder did not deny "
                    + "(LaunchOptions.deny, the harness's authorize option)"),
            ApiEntry.async("getSetting"),
            ApiEntry.async("openSetting").hostRule("the settings page opens (a UI entry) and the user changes nothing"));

    private final Permissions permissions;

    public AuthorizeApi(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("authorize", call -> {
            String scope = call.params().stringOneOf("scope", SCOPES.toArray(String[]::new));
            permissions.require(instance, scope);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.putObject("data").put(scope, "ok");
            call.succeed(result);
        });
        tt.async("getSetting", call -> call.succeed(settings()));
        tt.async("openSetting", call -> {
            ObjectNode settings = settings();
            instance.events().record(HostEvent.Kind.UI, "openSetting", "openSetting " + settings.get("authSetting"),
                    settings.deepCopy());
            call.succeed(settings);
        });
    }

    private ObjectNode settings() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("authSetting", permissions.authSetting());
        return result;
    }
}
