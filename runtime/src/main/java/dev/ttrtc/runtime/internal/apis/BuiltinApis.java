package dev.ttrtc.runtime.internal.apis;

import dev.ttrtc.runtime.Clipboard;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.account.AccountApi;
import dev.ttrtc.runtime.internal.apis.app.AppEventsApi;
import dev.ttrtc.runtime.internal.apis.app.UpdateManagerApi;
import dev.ttrtc.runtime.internal.apis.device.ClipboardApi;
import dev.ttrtc.runtime.internal.apis.device.DeviceApi;
import dev.ttrtc.runtime.internal.apis.device.LocationApi;
import dev.ttrtc.runtime.internal.apis.device.EnvironmentApi;
import dev.ttrtc.runtime.internal.apis.device.NetworkStatus;
import dev.ttrtc.runtime.internal.apis.device.NetworkStatusApi;
import dev.ttrtc.runtime.internal.apis.files.FileSystemApi;
import dev.ttrtc.runtime.internal.apis.media.ImageApi;
import dev.ttrtc.runtime.internal.apis.media.InnerAudioApi;
import dev.ttrtc.runtime.internal.apis.network.NetworkApi;
import dev.ttrtc.runtime.internal.apis.recorder.RecorderApi;
import dev.ttrtc.runtime.internal.apis.window.NavigationBarApi;
import dev.ttrtc.runtime.internal.apis.window.PageWindows;
import dev.ttrtc.runtime.internal.apis.window.PullDownRefresh;
import dev.ttrtc.runtime.internal.apis.window.PullDownRefreshApi;
import dev.ttrtc.runtime.internal.apis.window.ShareApi;
import dev.ttrtc.runtime.internal.apis.window.TabBarApi;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API modules built into the runtime: created for each instance with its collaborators, and
 * their declarations for the catalogue. The two lists stand side by side so that they stay alike
 * ({@code ApiCatalogueTest} checks that they do). Modules of other packages come through
 * {@link java.util.ServiceLoader} instead.
 */
public final class BuiltinApis {
    /** The module name of {@code tt.canIUse}, which the assembler defines itself. */
    public static final String ASSEMBLER = "TtAssembler";

    /** What the built-in modules of one instance work with. */
    public record Services(LaunchOptions options, NavigationApi.Navigator navigator, AppEventsApi.AppEvents appEvents,
            PageWindows windows, PullDownRefresh pullDownRefresh, NetworkStatus network, Clipboard clipboard, Clock clock) {
    }

    private BuiltinApis() {
    }

    /** Fresh modules for one instance. */
    public static List<TtApiModule> create(Services s) {
        Permissions permissions = new Permissions(s.options().deniedScopes());
        return List.of(
                new SystemInfoApi(),
                new InteractionApi(s.options().modalConfirms(), s.options().actionSheetAnswer()),
                new StorageApi(),
                new EncodingApi(),
                new AuthorizeApi(permissions),
                new NavigationApi(s.navigator()),
                new AppEventsApi(s.appEvents()),
                new AccountApi(s.options().user(), permissions, s.clock()),
                new NavigationBarApi(s.windows()),
                new TabBarApi(s.windows()),
                new PullDownRefreshApi(s.pullDownRefresh()),
                new ShareApi(s.windows()),
                new DeviceApi(s.windows()),
                new LocationApi(s.options().position(), permissions),
                new NetworkStatusApi(s.network()),
                new ClipboardApi(s.clipboard()),
                new EnvironmentApi(),
                new UpdateManagerApi(),
                new InnerAudioApi(),
                new ImageApi(permissions, s.options().chosenImages()),
                new RecorderApi(),
                new FileSystemApi(),
                new NetworkApi(s.options().urlMappings()));
    }

    /** What the built-in modules declare, keyed by module name (canIUse under {@link #ASSEMBLER}). */
    public static Map<String, List<ApiEntry>> declarations() {
        Map<String, List<ApiEntry>> declarations = new LinkedHashMap<>();
        declarations.put("SystemInfoApi", SystemInfoApi.APIS);
        declarations.put("InteractionApi", InteractionApi.APIS);
        declarations.put("StorageApi", StorageApi.APIS);
        declarations.put("EncodingApi", EncodingApi.APIS);
        declarations.put("AuthorizeApi", AuthorizeApi.APIS);
        declarations.put("NavigationApi", NavigationApi.APIS);
        declarations.put("AppEventsApi", AppEventsApi.APIS);
        declarations.put("AccountApi", AccountApi.APIS);
        declarations.put("NavigationBarApi", NavigationBarApi.APIS);
        declarations.put("TabBarApi", TabBarApi.APIS);
        declarations.put("PullDownRefreshApi", PullDownRefreshApi.APIS);
        declarations.put("ShareApi", ShareApi.APIS);
        declarations.put("DeviceApi", DeviceApi.APIS);
        declarations.put("LocationApi", LocationApi.APIS);
        declarations.put("NetworkStatusApi", NetworkStatusApi.APIS);
        declarations.put("ClipboardApi", ClipboardApi.APIS);
        declarations.put("EnvironmentApi", EnvironmentApi.APIS);
        declarations.put("UpdateManagerApi", UpdateManagerApi.APIS);
        declarations.put("InnerAudioApi", InnerAudioApi.APIS);
        declarations.put("ImageApi", ImageApi.APIS);
        declarations.put("RecorderApi", RecorderApi.APIS);
        declarations.put("FileSystemApi", FileSystemApi.APIS);
        declarations.put("NetworkApi", NetworkApi.APIS);
        declarations.put(ASSEMBLER, List.of(ApiEntry.sync("canIUse").hostRule(
                "true for what a module implements or a mock replaces; only the API name (the first segment) is checked, "
                        + "so object types and components answer false")));
        return declarations;
    }
}
