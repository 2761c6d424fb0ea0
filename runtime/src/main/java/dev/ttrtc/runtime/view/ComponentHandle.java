package dev.ttrtc.runtime.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * A custom component instance, as its host element reaches it ({@link ViewElement#component()}):
 * its data, its {@code setData} and its methods, for tools that drive a page from outside (the
 * automator). Any thread: every call runs on the instance's loop thread. The futures fail with
 * {@link dev.ttrtc.runtime.ScriptError} when the component's code throws (or names a method it
 * lacks, or is no longer in the page), and with IllegalStateException when the instance closed.
 */
public interface ComponentHandle {

    /**
     * The component's data (properties included), serialised as the view gets it; at a data path
     * ({@code a.b[2].c}) when {@code path} is not null (a null node when nothing is there).
     */
    CompletableFuture<JsonNode> data(String path);

    /**
     * {@code this.setData(data)} of the component, with the same paths, observers and view
     * update; completes once the view has the update.
     */
    CompletableFuture<Void> setData(ObjectNode data);

    /**
     * Calls a method of the component with {@code this} the component and the arguments given;
     * completes with what it returned (awaited when it is a promise), serialised.
     */
    CompletableFuture<JsonNode> callMethod(String method, ArrayNode args);
}
