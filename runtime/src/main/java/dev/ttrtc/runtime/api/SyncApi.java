package dev.ttrtc.runtime.api;

/**
 * An API that returns its result: a {@link String}, {@link Number}, {@link Boolean},
 * {@link com.fasterxml.jackson.databind.JsonNode}, {@link JsObject} or null (undefined).
 *
 * <p>Called on the instance's loop thread. Throwing {@link ApiException} throws a JS
 * {@code Error} whose message is {@code "<name>:fail <detail>"}.
 */
@FunctionalInterface
public interface SyncApi {
    Object call(ApiArgs args) throws ApiException;
}
