package dev.ttrtc.runtime.api;

/**
 * An API that answers through success/fail/complete like an {@link AsyncApi} and also returns an
 * object at once: a {@code RequestTask}, {@code DownloadTask} or {@code SocketTask} through which
 * JS follows or stops the work.
 *
 * <p>Called on the instance's loop thread. Return the task even when the parameters are wrong
 * (fail the call through {@link ApiCall#fail}): projects call {@code task.abort()} without
 * checking. Throwing {@link ApiException} fails the call and returns undefined.
 */
@FunctionalInterface
public interface TaskApi {
    JsObject start(ApiCall call) throws ApiException;
}
