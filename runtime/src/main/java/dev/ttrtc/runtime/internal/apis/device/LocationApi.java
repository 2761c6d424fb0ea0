package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.Position;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.Permissions;
import java.util.List;

/**
 * Where the simulated phone is: {@code getLocation} answers the embedder's {@link Position}
 * (WGS84, or converted to GCJ-02 on request), standing still; {@code openLocation} shows a place
 * on the platform's map (a UI entry). Both ask for {@code scope.userLocation}.
 */
public final class LocationApi implements TtApiModule {
    static final String SCOPE = "scope.userLocation";
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("getLocation").hostRule("the embedder's position (LaunchOptions.position, the harness's position "
                    + "option; Tiananmen Square, Beijing, by default), standing still; asks for scope.userLocation"),
            ApiEntry.async("openLocation").hostRule("a UI entry with the place; asks for scope.userLocation"));

    private final Position position;
    private final Permissions permissions;

    public LocationApi(Position position, Permissions permissions) {
        this.position = position;
        this.permissions = permissions;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("getLocation", call -> {
            boolean gcj02 = call.params().optionalStringOneOf("type", "wgs84", "wgs84", "gcj02").equals("gcj02");
            permissions.require(instance, SCOPE);
            double[] at = gcj02 ? Gcj02.fromWgs84(position.latitude(), position.longitude())
                    : new double[] {position.latitude(), position.longitude()};
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("latitude", at[0]);
            result.put("longitude", at[1]);
            result.put("altitude", position.altitude());
            result.put("accuracy", position.accuracy());
            result.put("verticalAccuracy", position.accuracy());
            result.put("horizontalAccuracy", position.accuracy());
            result.put("speed", 0);
            call.succeed(result);
        });
        tt.async("openLocation", call -> {
            ApiParams p = call.params();
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.put("latitude", coordinate(p, "latitude", 90));
            ui.put("longitude", coordinate(p, "longitude", 180));
            double scale = p.optionalNumber("scale").orElse(18);
            if (scale < 5 || scale > 18) {
                throw ApiException.parameter("expect " + p.path() + ".scale to be from 5 to 18, but got " + p.json("scale"));
            }
            ui.put("scale", scale);
            ui.put("name", p.optionalString("name").orElse(""));
            ui.put("address", p.optionalString("address").orElse(""));
            permissions.require(instance, SCOPE);
            instance.events().record(HostEvent.Kind.UI, "openLocation", "openLocation " + ui, ui);
            call.succeed();
        });
    }

    private static double coordinate(ApiParams p, String key, int limit) throws ApiException {
        double value = p.number(key);
        if (value < -limit || value > limit) {
            throw ApiException.parameter("expect " + p.path() + "." + key + " to be from " + -limit + " to " + limit
                    + ", but got " + p.json(key));
        }
        return value;
    }
}
