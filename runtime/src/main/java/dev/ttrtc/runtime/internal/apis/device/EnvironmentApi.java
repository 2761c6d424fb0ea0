package dev.ttrtc.runtime.internal.apis.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.io.IOException;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The environment the mini-program runs in: {@code tt.env}, {@code getEnvInfoSync}, the menu
 * button's layout (computed from the {@link SystemInfo}) and the third-party platform's ext.json
 * ({@code getExtConfig}/{@code getExtConfigSync}).
 */
public final class EnvironmentApi implements TtApiModule {
    /** Where {@code ttfile://user} files live; the files module resolves it inside the instance's folder. */
    public static final String USER_DATA_PATH = LocalFiles.USER;
    /** Host rule: the environment is the development version (as in the devtools). */
    static final String ENV_TYPE = "development";
    /** Host rule: the menu button's size and margins (the docs give none; these match a phone's capsule). */
    static final int MENU_WIDTH = 87;
    static final int MENU_HEIGHT = 32;
    static final int MENU_MARGIN_RIGHT = 10;
    static final int MENU_MARGIN_TOP = 6;
    public static final List<ApiEntry> APIS = List.of(
            new ApiEntry("env", ApiEntry.Form.VALUE, ApiEntry.Status.HOST_RULE,
                    "{USER_DATA_PATH: \"ttfile://user\", VERSION: \"development\"}"),
            ApiEntry.sync("getEnvInfoSync").hostRule("envType development, mpVersion empty (no uploaded version), "
                    + "appId from project.config.json"),
            ApiEntry.sync("getMenuButtonBoundingClientRect").hostRule("87x32 px, 10 px from the right edge, 6 px below "
                    + "the status bar of the SystemInfo"),
            ApiEntry.sync("getMenuButtonLayout").hostRule("same as getMenuButtonBoundingClientRect"),
            ApiEntry.async("getExtConfig").note("{extConfig} from ext.json when extEnabled, else {}"),
            ApiEntry.sync("getExtConfigSync").note("ext.json's ext when extEnabled, else {}"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.value("env", JsonNodeFactory.instance.objectNode().put("USER_DATA_PATH", USER_DATA_PATH).put("VERSION", ENV_TYPE));
        ObjectNode envInfo = JsonNodeFactory.instance.objectNode();
        envInfo.putObject("microapp").put("mpVersion", "")
                .put("envType", ENV_TYPE).put("appId", instance.appId().orElse(""));
        envInfo.putObject("plugin");
        envInfo.putObject("common").put("USER_DATA_PATH", USER_DATA_PATH);
        tt.sync("getEnvInfoSync", args -> envInfo.deepCopy());
        tt.sync("getMenuButtonBoundingClientRect", args -> menuButton(instance.systemInfo()));
        tt.sync("getMenuButtonLayout", args -> menuButton(instance.systemInfo()));
        JsonNode ext = extConfig(instance.projectDir());
        tt.async("getExtConfig", call -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.set("extConfig", ext.deepCopy());
            call.succeed(result);
        });
        tt.sync("getExtConfigSync", args -> ext.deepCopy());
    }

    static ObjectNode menuButton(SystemInfo info) {
        int right = (int) info.number("windowWidth") - MENU_MARGIN_RIGHT;
        int top = (int) info.number("statusBarHeight") + MENU_MARGIN_TOP;
        return JsonNodeFactory.instance.objectNode().put("width", MENU_WIDTH).put("height", MENU_HEIGHT)
                .put("top", top).put("right", right).put("left", right - MENU_WIDTH).put("bottom", top + MENU_HEIGHT);
    }

    private static JsonNode extConfig(Path projectDir) {
        JsonNode ext = readJson(projectDir.resolve("ext.json"));
        return ext.path("extEnabled").asBoolean(false) && ext.path("ext").isObject()
                ? ext.get("ext") : JsonNodeFactory.instance.objectNode();
    }

    /** The file's JSON object, or a missing node when it is absent or unreadable (these files are optional). */
    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return JsonNodeFactory.instance.missingNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node != null && node.isObject() ? node : JsonNodeFactory.instance.missingNode();
        } catch (IOException e) {
            return JsonNodeFactory.instance.missingNode();
        }
    }
}
