package dev.ttrtc.runtime.internal.apis.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsCallback;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app-level events and options: {@code tt.onAppShow}/{@code onAppHide}/{@code onError}/
 * {@code onUnhandledRejection}/{@code onPageNotFound} with their {@code off…}, and
 * {@code getLaunchOptionsSync}/{@code getEnterOptionsSync}. The framework delivers each event to
 * the matching App hook first, then to these listeners in registration order, with the App hook's
 * argument: onError gets the message and stack of every uncaught error, onUnhandledRejection
 * {@code {reason, promise}}, onPageNotFound {@code {path, query, isEntryPage}} when the launch page
 * does not exist.
 */
public final class AppEventsApi implements TtApiModule {
    /** Event names on tt ({@code on<Name>}/{@code off<Name>}) and in the framework. */
    static final Map<String, String> EVENTS = Map.of(
            "AppShow", "appShow",
            "AppHide", "appHide",
            "Error", "error",
            "UnhandledRejection", "unhandledRejection",
            "PageNotFound", "pageNotFound");

    public static final List<ApiEntry> APIS = declare();

    /** The framework's side: its listener lists and the options it launched and showed with. Loop thread only. */
    public interface AppEvents {
        void addListener(String event, JsCallback listener);

        /** Removes {@code listener}, or every listener of the event when empty. */
        void removeListener(String event, Optional<JsCallback> listener);

        /** What App.onLaunch received. */
        JsonNode launchOptions();

        /** What the latest App.onShow received. */
        JsonNode enterOptions();
    }

    private final AppEvents events;

    public AppEventsApi(AppEvents events) {
        this.events = events;
    }

    private static List<ApiEntry> declare() {
        List<ApiEntry> apis = new ArrayList<>();
        for (String name : EVENTS.keySet().stream().sorted().toList()) {
            apis.add(ApiEntry.sync("on" + name));
            apis.add(ApiEntry.sync("off" + name));
        }
        apis.add(ApiEntry.sync("getLaunchOptionsSync"));
        apis.add(ApiEntry.sync("getEnterOptionsSync").note("the latest App.onShow options (the launch options until the app was hidden and shown)"));
        return List.copyOf(apis);
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        EVENTS.forEach((name, event) -> {
            tt.sync("on" + name, args -> {
                events.addListener(event, listener(args));
                return null;
            });
            tt.sync("off" + name, args -> {
                boolean all = args.count() == 0 || "undefined".equals(args.typeOf(0));
                events.removeListener(event, all ? Optional.empty() : Optional.of(listener(args)));
                return null;
            });
        });
        tt.sync("getLaunchOptionsSync", args -> events.launchOptions());
        tt.sync("getEnterOptionsSync", args -> events.enterOptions());
    }

    private static JsCallback listener(ApiArgs args) throws ApiException {
        return args.callback(0).orElseThrow(() -> ApiException.parameter(
                "expect callback to be function, but got " + args.typeOf(0)));
    }
}
