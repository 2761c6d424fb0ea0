package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.view.ComponentHandle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;

/** A component instance by owner id; each call runs through components.js on the loop. */
final class RealComponentHandle implements ComponentHandle {

    /** Runs a call on the loop and completes with its (awaited) value as JSON, or the JS error. */
    @FunctionalInterface
    interface Settler {
        CompletableFuture<JsonNode> settle(Supplier<Value> call);
    }

    private final int id;
    private final Supplier<ComponentModel> model;
    private final Settler settler;

    RealComponentHandle(int id, Supplier<ComponentModel> model, Settler settler) {
        this.id = id;
        this.model = model;
        this.settler = settler;
    }

    @Override
    public CompletableFuture<JsonNode> data(String path) {
        return settler.settle(() -> model.get().componentData(id, path));
    }

    @Override
    public CompletableFuture<Void> setData(ObjectNode data) {
        String json = data.toString();
        return settler.settle(() -> model.get().componentSetData(id, json)).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<JsonNode> callMethod(String method, ArrayNode args) {
        String json = args.toString();
        return settler.settle(() -> model.get().componentCall(id, method, json));
    }

    @Override
    public String toString() {
        return "component " + id;
    }
}
