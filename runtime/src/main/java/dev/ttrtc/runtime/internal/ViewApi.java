package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;

/**
 * The tt APIs the view layer answers: {@code createSelectorQuery} (a SelectorQuery whose
 * {@code exec} reads the render tree), {@code pageScrollTo}, {@code createVideoContext}
 * (a VideoContext whose methods the {@code <video>} element with that id acts on), and
 * {@code createAnimation} (an Animation whose export an element's {@code animation} attribute plays).
 */
final class ViewApi implements TtApiModule {
    static final List<ApiEntry> APIS = List.of(ApiEntry.sync("createSelectorQuery"), ApiEntry.async("pageScrollTo"),
            ApiEntry.sync("createVideoContext").hostRule("play, pause, stop, seek, requestFullScreen and exitFullScreen act on"
                    + " the video element with that id; a browser showing the page (the simulator) plays it; headless, nothing"
                    + " decodes the file (docs/view.md)"),
            ApiEntry.sync("createAnimation").hostRule("an element's animation attribute shows the state after the last"
                    + " step at once, and a browser showing the page moves to it over the steps' time; transitionend does"
                    + " not fire (docs/view.md)"));
    /** VideoContext's methods as the platform documents them. */
    private static final List<String> VIDEO_METHODS = List.of("play", "pause", "stop", "seek", "requestFullScreen", "exitFullScreen");
    private static final int WRONG_COMPONENT_TYPE = 157599;
    private final ViewConnector view;

    ViewApi(ViewConnector view) {
        this.view = view;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.sync("createSelectorQuery", args -> new ValueHandle(view.model().createSelectorQuery()));
        tt.sync("createAnimation", args -> new ValueHandle(view.model().createAnimation(((ValueArgs) args).raw(0))));
        tt.sync("createVideoContext", args -> videoContext(instance, (ValueArgs) args));
        tt.async("pageScrollTo", call -> {
            var options = call.params().json();
            instance.loop().execute(() -> {
                String error = view.view().pageScrollTo(view.model().topPageId(), options);
                if (error == null) {
                    call.succeed();
                } else {
                    call.fail(ApiErrors.PARAMETER_ERROR, error);
                }
            });
        });
    }

    /** Bound at creation to the {@code <video id>} of the component given, or else of the page on top. */
    private JsObject videoContext(InstanceContext instance, ValueArgs args) throws ApiException {
        String componentType = args.typeOf(1);
        if (!componentType.equals("object") && !componentType.equals("undefined")) {
            throw new ApiException(WRONG_COMPONENT_TYPE, "inputs[1] should be object or undefined, but got " + componentType);
        }
        String id = args.string(0).orElse(args.describe(0));
        int component = componentType.equals("object") ? view.model().ownerIdOf(args.raw(1)) : -1;
        int owner = component >= 0 ? component : view.model().topPageId();
        JsObjectBuilder context = instance.newObject("VideoContext");
        for (String method : VIDEO_METHODS) {
            context.sync(method, call -> {
                view.view().elementCommand(owner, "video", id, method, call.json(0).isNull()
                        ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.arrayNode().add(call.json(0)));
                return null;
            });
        }
        return context.build();
    }
}
