package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.InstanceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The simulated user's answers to the scopes an instance asks for: granted unless the embedder
 * denied the scope at launch. The first question for a scope shows the platform's authorization
 * dialog (a UI entry {@code authorize} with the scope and the answer); later ones are answered
 * from memory, as on a phone. {@code getSetting}/{@code openSetting} list the scopes asked so far.
 * Loop thread only.
 */
public final class Permissions {
    private final Set<String> denied;
    private final Map<String, Boolean> asked = new LinkedHashMap<>();

    public Permissions(Set<String> denied) {
        this.denied = Set.copyOf(denied);
    }

    /** Asks for {@code scope} (a dialog the first time) and returns whether it is granted. */
    public boolean ask(InstanceContext instance, String scope) {
        Boolean known = asked.get(scope);
        if (known != null) {
            return known;
        }
        boolean granted = !denied.contains(scope);
        asked.put(scope, granted);
        ObjectNode ui = JsonNodeFactory.instance.objectNode().put("scope", scope).put("answer", granted ? "allow" : "deny");
        instance.events().record(HostEvent.Kind.UI, "authorize", "authorize " + ui, ui);
        return granted;
    }

    /** Asks for {@code scope}, as {@link #ask}; a refusal is the platform's {@code auth deny} answer. */
    public void require(InstanceContext instance, String scope) throws ApiException {
        if (!ask(instance, scope)) {
            throw new ApiException(ApiErrors.AUTH_DENY, ApiErrors.AUTH_DENY_DETAIL);
        }
    }

    /** {@code authSetting}: every scope asked so far and its answer. */
    public ObjectNode authSetting() {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        asked.forEach(settings::put);
        return settings;
    }
}
