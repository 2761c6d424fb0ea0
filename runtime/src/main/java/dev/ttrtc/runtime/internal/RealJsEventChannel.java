package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.JsCallback;
import dev.ttrtc.runtime.api.JsEventChannel;
import java.util.ArrayList;
import java.util.List;

/** The listeners of one JS event; see {@link JsEventChannel} for the threading rules. */
final class RealJsEventChannel implements JsEventChannel {
    private final ApiDispatcher dispatcher;
    private final String eventName;
    // Loop thread only.
    private final List<ValueHandle> listeners = new ArrayList<>();

    RealJsEventChannel(ApiDispatcher dispatcher, String eventName) {
        this.dispatcher = dispatcher;
        this.eventName = eventName;
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public void add(JsCallback listener) {
        dispatcher.loop().assertInLoop();
        listeners.add((ValueHandle) listener);
    }

    @Override
    public void remove(JsCallback listener) {
        dispatcher.loop().assertInLoop();
        listeners.removeIf(listener::equals);
    }

    @Override
    public void clear() {
        dispatcher.loop().assertInLoop();
        listeners.clear();
    }

    @Override
    public void emit(JsonNode payload) {
        JsonNode frozen = payload == null ? null : payload.deepCopy();
        dispatcher.loop().execute(() -> deliver(frozen));
    }

    private void deliver(JsonNode payload) {
        JsonNode logged = JsonTrees.forLog(payload);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("payload", logged);
        data.put("listeners", listeners.size());
        dispatcher.log().record(HostEvent.Kind.EVENT, eventName,
                eventName + (logged == null ? "" : " " + logged), data);
        for (ValueHandle listener : List.copyOf(listeners)) {
            if (payload == null) {
                dispatcher.invokeCallback(listener.value());
            } else {
                dispatcher.invokeCallback(listener.value(), dispatcher.js().fromJson(payload));
            }
        }
    }
}
