package dev.ttrtc.runtime.internal.apis.window;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;
import java.util.Optional;

/**
 * {@code tt.showShareMenu}/{@code tt.hideShareMenu} (whether the top page's menu offers sharing)
 * and the share itself, which the embedder triggers as the user's tap ({@link #share}): the page's
 * {@code onShareAppMessage({from: "menu"})} returns the content, recorded as a UI entry
 * {@code share}. Host rule: nothing is sent anywhere, and the content's success/fail callbacks
 * are not called.
 */
public final class ShareApi implements TtApiModule {
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("showShareMenu").hostRule("the menu state is kept per page (MiniProgram.window().shareMenu()); "
                    + "the embedder shares with MiniProgram.share()"),
            ApiEntry.async("hideShareMenu"));

    private final PageWindows windows;

    public ShareApi(PageWindows windows) {
        this.windows = windows;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        for (boolean show : new boolean[] {true, false}) {
            String name = show ? "showShareMenu" : "hideShareMenu";
            tt.async(name, call -> {
                ObjectNode ui = JsonNodeFactory.instance.objectNode();
                menus(call.params()).ifPresent(m -> ui.set("menus", m));
                NavigationBarApi.change(instance, name, ui, () -> windows.setShareMenu(show));
                call.succeed();
            });
        }
    }

    private static Optional<JsonNode> menus(ApiParams p) throws ApiException {
        if (!p.has("menus")) {
            return Optional.empty();
        }
        JsonNode menus = p.json("menus");
        boolean valid = menus.isArray();
        for (JsonNode menu : menus) {
            valid &= menu.isTextual() && (menu.asText().equals("share") || menu.asText().equals("record"));
        }
        if (!valid) {
            throw ApiException.parameter("expect params.menus to be an array of \"share\", \"record\", but got " + menus);
        }
        return Optional.of(menus);
    }

    /**
     * The user shares the top page from its menu: calls {@code onShareAppMessage({from: "menu"})}
     * and records what it returned (functions dropped), completed with the page's path and the
     * navigation bar title where the page gave none. Loop thread only.
     *
     * @return the shared content, or empty when no page is open or the page hid its share menu
     */
    public static Optional<ObjectNode> share(PageWindows windows, PageHooks hooks, EventLog log) {
        if (windows.top().isEmpty() || !windows.snapshot().shareMenu()) {
            return Optional.empty();
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        hooks.call("onShareAppMessage", JsonNodeFactory.instance.objectNode().put("from", "menu"))
                .filter(JsonNode::isObject)
                .ifPresent(returned -> returned.properties().forEach(field -> {
                    if (!field.getValue().asText().startsWith("[Function")) {
                        content.set(field.getKey(), field.getValue());
                    }
                }));
        if (!content.has("title")) {
            content.put("title", windows.snapshot().navigationBar().title());
        }
        if (!content.has("path")) {
            content.put("path", "/" + windows.snapshot().route());
        }
        log.record(HostEvent.Kind.UI, "share", "share " + content, content.deepCopy());
        return Optional.of(content);
    }
}
