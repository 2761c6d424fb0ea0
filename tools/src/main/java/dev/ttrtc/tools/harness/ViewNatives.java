package dev.ttrtc.tools.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.script.ScriptFunction;
import dev.ttrtc.runtime.script.ScriptValue;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.ViewElement;
import java.nio.file.Path;
import java.util.Map;

/**
 * The natives behind an instance's rendered page ({@code app.$}, {@code app.$$}, {@code app.html},
 * {@code app.screenshot}) and its elements. Elements are handles of the test that queried them;
 * their reads wait for the instance's loop, their actions answer once the event was dispatched.
 */
final class ViewNatives {
    private final Handles handles;
    private final Replies replies;
    private final Path baseDir;

    ViewNatives(Handles handles, Replies replies, Path baseDir) {
        this.handles = handles;
        this.replies = replies;
        this.baseDir = baseDir;
    }

    private InstanceView view(ScriptValue instanceHandle) {
        return handles.get(instanceHandle, Launched.class).program().view();
    }

    private ViewElement element(ScriptValue handle) {
        return handles.get(handle, ViewElement.class);
    }

    void addTo(Map<String, ScriptFunction> n) {
        n.put("viewQuery", a -> view(a[0]).$(a[1].asString()).map(e -> (Object) handles.register(e, a[0])).orElse(null));
        n.put("viewQueryAll", a -> {
            StringBuilder ids = new StringBuilder("[");
            for (ViewElement e : view(a[0]).$$(a[1].asString())) {
                ids.append(ids.length() > 1 ? "," : "").append(handles.register(e, a[0]));
            }
            return ids.append(']').toString();
        });
        n.put("viewHtml", a -> view(a[0]).html());
        n.put("screenshot", a -> {
            Launched launched = handles.get(a[0], Launched.class);
            String html = launched.program().view().html();
            SystemInfo window = launched.options().systemInfo();
            Path target = baseDir.resolve(a[1].asString()).toAbsolutePath().normalize();
            replies.settle(() -> PageScreenshot.take(html, launched.options().projectDir(),
                    (int) window.number("windowWidth"), (int) window.number("windowHeight"), target),
                    Path::toString, a[2], a[3]);
            return null;
        });
        n.put("elementTag", a -> element(a[0]).tag());
        n.put("elementText", a -> element(a[0]).text());
        n.put("elementAttr", a -> element(a[0]).attr(a[1].asString()).orElse(null));
        n.put("elementDataset", a -> element(a[0]).dataset().toString());
        n.put("elementVisible", a -> element(a[0]).visible());
        n.put("elementTap", a -> {
            replies.settle(element(a[0]).tap(), a[1], a[2]);
            return null;
        });
        n.put("elementInput", a -> {
            replies.settle(element(a[0]).input(a[1].asString()), a[2], a[3]);
            return null;
        });
        n.put("elementChange", a -> {
            replies.settle(element(a[0]).change(Replies.parse(a[1].asString())), a[2], a[3]);
            return null;
        });
        n.put("elementScroll", a -> {
            JsonNode offset = Replies.parse(a[1].asString());
            replies.settle(element(a[0]).scroll(offset.path("left").asDouble(), offset.path("top").asDouble()), a[2], a[3]);
            return null;
        });
        n.put("elementTrigger", a -> {
            replies.settle(element(a[0]).trigger(a[1].asString(), Replies.parse(a[2].asString())), a[3], a[4]);
            return null;
        });
    }
}
