package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.window.PageWindows;
import java.util.List;

/**
 * What the simulated phone's hardware does: vibration (a UI entry with the platform's durations),
 * the keep-screen-on flag ({@code MiniProgram.window().keepScreenOn()}), the screen brightness,
 * and the device events that never happen on it (memory warnings, screenshots, window resizes):
 * their listeners register and stay silent. {@code reportAnalytics} is recorded in the event log
 * and sent nowhere.
 */
public final class DeviceApi implements TtApiModule {
    /** The platform's vibration durations in ms (iOS for the short one). */
    static final int SHORT_VIBRATION_MS = 15;
    static final int LONG_VIBRATION_MS = 400;
    static final double DEFAULT_BRIGHTNESS = 0.5;
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("vibrateShort").hostRule("a UI entry vibrateShort {duration: 15}"),
            ApiEntry.async("vibrateLong").hostRule("a UI entry vibrateLong {duration: 400}"),
            ApiEntry.async("setKeepScreenOn").hostRule("kept in MiniProgram.window().keepScreenOn() and a UI entry"),
            ApiEntry.async("getScreenBrightness").hostRule("the value last set, 0.5 at first"),
            ApiEntry.async("setScreenBrightness").hostRule("kept per instance; nothing is lit"),
            ApiEntry.sync("onMemoryWarning").hostRule("registers; the host never warns"),
            ApiEntry.sync("onUserCaptureScreen").hostRule("registers; no screenshot is ever taken"),
            ApiEntry.sync("offUserCaptureScreen"),
            ApiEntry.sync("onWindowResize").hostRule("registers; the window never resizes"),
            ApiEntry.sync("offWindowResize"),
            ApiEntry.sync("reportAnalytics").hostRule("recorded in the event log (api-call), sent nowhere"));

    private final PageWindows windows;

    public DeviceApi(PageWindows windows) {
        this.windows = windows;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("vibrateShort", call -> {
            ui(instance, "vibrateShort", JsonNodeFactory.instance.objectNode().put("duration", SHORT_VIBRATION_MS));
            call.succeed();
        });
        tt.async("vibrateLong", call -> {
            ui(instance, "vibrateLong", JsonNodeFactory.instance.objectNode().put("duration", LONG_VIBRATION_MS));
            call.succeed();
        });
        tt.async("setKeepScreenOn", call -> {
            boolean on = call.params().bool("keepScreenOn");
            windows.setKeepScreenOn(on);
            ui(instance, "setKeepScreenOn", JsonNodeFactory.instance.objectNode().put("keepScreenOn", on));
            call.succeed();
        });
        double[] brightness = {DEFAULT_BRIGHTNESS};
        tt.async("getScreenBrightness", call -> call.succeed(JsonNodeFactory.instance.objectNode().put("value", brightness[0])));
        tt.async("setScreenBrightness", call -> {
            double value = call.params().number("value");
            if (value < 0 || value > 1) {
                throw ApiException.parameter("expect params.value to be between 0 and 1, but got " + value);
            }
            brightness[0] = value;
            call.succeed();
        });
        silentEvent(instance, tt, "onMemoryWarning", null);
        silentEvent(instance, tt, "onUserCaptureScreen", "offUserCaptureScreen");
        silentEvent(instance, tt, "onWindowResize", "offWindowResize");
        tt.sync("reportAnalytics", args -> {
            args.string(0).orElseThrow(() -> ApiException.parameter("expect eventName to be string, but got " + args.typeOf(0)));
            return null;
        });
    }

    /** An event this phone never raises: listeners are checked and kept, never called. */
    private static void silentEvent(InstanceContext instance, ApiRegistry tt, String onName, String offName) {
        JsEventChannel channel = instance.newEventChannel(onName);
        tt.sync(onName, args -> {
            channel.addFrom(args, 0);
            return null;
        });
        if (offName != null) {
            tt.sync(offName, args -> {
                channel.removeFrom(args, 0);
                return null;
            });
        }
    }

    private static void ui(InstanceContext instance, String name, ObjectNode details) {
        instance.events().record(HostEvent.Kind.UI, name, name + " " + details, details);
    }
}
