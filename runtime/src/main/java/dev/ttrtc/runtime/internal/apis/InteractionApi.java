package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;

/**
 * Toasts, loading indicators and modals. Nothing is drawn: each request is recorded as a UI entry
 * of the event log with its parameters (defaults filled in) for the embedder to show, and
 * {@code showModal} answers as the embedder chose (confirm by default).
 */
public final class InteractionApi implements TtApiModule {
    private static final String[] TOAST_ICONS = {"success", "loading", "none", "fail"};

    private final boolean modalConfirms;

    public InteractionApi(boolean modalConfirms) {
        this.modalConfirms = modalConfirms;
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
