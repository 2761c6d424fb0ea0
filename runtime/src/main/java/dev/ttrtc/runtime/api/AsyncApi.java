package dev.ttrtc.runtime.api;

/**
 * An API answering through success/fail/complete callbacks.
 *
 * <p>Called on the instance's loop thread. Read {@link ApiCall#params()} before returning; answer
 * through the call object now or later, from any thread. Throwing {@link ApiException} fails the
 * call with that error.
 */
@FunctionalInterface
public interface AsyncApi {
    void call(ApiCall call) throws ApiException;
}
