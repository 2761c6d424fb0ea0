package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * What the platform draws over the page: toasts, loading indicators, modals, action sheets, the
 * image preview and the phone-call prompt. Nothing is drawn: each request is recorded as a UI
 * entry of the event log with its parameters (defaults filled in) for the embedder to show;
 * {@code showModal} answers as the embedder chose (confirm by default) and
 * {@code showActionSheet} with the item the embedder chose (the first by default), or
 * {@code showActionSheet:fail cancel} when the embedder chose to cancel or an item that is not
 * there.
 */
public final class InteractionApi implements TtApiModule {
    private static final String[] TOAST_ICONS = {"success", "loading", "none", "fail"};
    /** The platform's limit on action sheet items. */
    static final int MAX_ACTION_SHEET_ITEMS = 6;
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("showToast").hostRule("a UI entry with the parameters and their defaults"),
            ApiEntry.async("hideToast"),
            ApiEntry.async("showLoading").hostRule("a UI entry with the parameters and their defaults"),
            ApiEntry.async("hideLoading"),
            ApiEntry.async("showModal").hostRule("a UI entry; the answer is the embedder's (LaunchOptions.modalConfirms, "
                    + "confirm by default)"),
            ApiEntry.async("showActionSheet").hostRule("a UI entry; the tapped item is the embedder's "
                    + "(LaunchOptions.actionSheetAnswer, the first by default; -1 cancels)"),
            ApiEntry.async("previewImage").hostRule("a UI entry with the urls and the one shown first (current, else "
                    + "the first); the preview opens and the page stays shown"),
            ApiEntry.async("makePhoneCall").hostRule("a UI entry with the number; nothing is dialled"));

    private final boolean modalConfirms;
    private final int actionSheetAnswer;

    /**
     * @param actionSheetAnswer the item the user taps in every action sheet; -1 (or an index past
     *     the items) cancels
     */
    public InteractionApi(boolean modalConfirms, int actionSheetAnswer) {
        this.modalConfirms = modalConfirms;
        this.actionSheetAnswer = actionSheetAnswer;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("showToast", call -> {
            ApiParams p = call.params();
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.put("title", p.string("title"));
            ui.put("icon", p.optionalStringOneOf("icon", "success", TOAST_ICONS));
            ui.put("duration", duration(p, "duration", 1500));
            ui.put("mask", p.optionalBool("mask", false));
            show(instance, "showToast", ui);
            call.succeed();
        });
        tt.async("hideToast", call -> {
            show(instance, "hideToast", null);
            call.succeed();
        });
        tt.async("showLoading", call -> {
            ApiParams p = call.params();
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.put("title", p.string("title"));
            ui.put("mask", p.optionalBool("mask", false));
            show(instance, "showLoading", ui);
            call.succeed();
        });
        tt.async("hideLoading", call -> {
            show(instance, "hideLoading", null);
            call.succeed();
        });
        tt.async("showModal", call -> {
            ApiParams p = call.params();
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.put("title", p.optionalString("title").orElse(""));
            ui.put("content", p.optionalString("content").orElse(""));
            boolean showCancel = p.optionalBool("showCancel", true);
            ui.put("showCancel", showCancel);
            ui.put("confirmText", p.optionalString("confirmText").orElse("确定"));
            ui.put("cancelText", p.optionalString("cancelText").orElse("取消"));
            boolean confirm = modalConfirms || !showCancel;
            ui.put("answer", confirm ? "confirm" : "cancel");
            show(instance, "showModal", ui);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("confirm", confirm);
            result.put("cancel", !confirm);
            call.succeed(result);
        });
        tt.async("showActionSheet", call -> {
            ApiParams p = call.params();
            JsonNode items = p.json("itemList");
            boolean valid = items.isArray() && !items.isEmpty() && items.size() <= MAX_ACTION_SHEET_ITEMS;
            for (JsonNode item : items) {
                valid &= item.isTextual();
            }
            if (!valid) {
                throw ApiException.parameter("expect params.itemList to be an array of 1 to " + MAX_ACTION_SHEET_ITEMS
                        + " strings, but got " + (p.has("itemList") ? items.toString() : "undefined"));
            }
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.set("itemList", items);
            p.optionalString("itemColor").ifPresent(color -> ui.put("itemColor", color));
            boolean tapped = actionSheetAnswer >= 0 && actionSheetAnswer < items.size();
            ui.put("answer", tapped ? actionSheetAnswer : -1);
            show(instance, "showActionSheet", ui);
            if (!tapped) {
                throw new ApiException(ApiErrors.USER_CANCEL, "cancel");
            }
            call.succeed(JsonNodeFactory.instance.objectNode().put("tapIndex", actionSheetAnswer));
        });
        tt.async("previewImage", call -> {
            previewImage(instance, call.params());
            call.succeed();
        });
        tt.async("makePhoneCall", call -> {
            ObjectNode ui = JsonNodeFactory.instance.objectNode();
            ui.put("phoneNumber", call.params().string("phoneNumber"));
            show(instance, "makePhoneCall", ui);
            call.succeed();
        });
    }

    private static void previewImage(InstanceContext instance, ApiParams p) throws ApiException {
        JsonNode urls = p.json("urls");
        boolean valid = urls.isArray() && !urls.isEmpty();
        for (JsonNode url : urls) {
            valid &= url.isTextual();
        }
        if (!valid) {
            throw ApiException.parameter("expect " + p.path() + ".urls to be a non-empty array of strings, but got "
                    + (p.has("urls") ? urls.toString() : "undefined"));
        }
        ObjectNode ui = JsonNodeFactory.instance.objectNode();
        ui.set("urls", urls);
        // The platform shows the first image for a current it does not list, as for none.
        String first = urls.get(0).asText();
        String current = p.optionalString("current").orElse(first);
        ui.put("current", containsText(urls, current) ? current : first);
        ui.put("showmenu", p.optionalBool("showmenu", true));
        show(instance, "previewImage", ui);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static int duration(ApiParams p, String key, int fallback) throws ApiException {
        double value = p.optionalNumber(key).orElse(fallback);
        if (value < 0) {
            throw ApiException.parameter("expect " + p.path() + "." + key + " to be a non-negative number, but got " + value);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static void show(InstanceContext instance, String name, ObjectNode params) {
        ObjectNode data = params == null ? JsonNodeFactory.instance.objectNode() : params;
        instance.events().record(HostEvent.Kind.UI, name, name + (params == null ? "" : " " + params), data);
    }
}
