package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of an {@link AsyncApi}. Thread-safe: the first of {@code succeed}/{@code fail} wins and
 * later ones are ignored. The callbacks run on a later turn of the instance's loop, never inside
 * the call, with {@code {errMsg: "<name>:ok", ...extra}} or
 * {@code {errMsg: "<name>:fail <detail>", errNo}}.
 */
public interface ApiCall {

    /** The method name used in errMsg, for example {@code joinRtcRoom}. */
    String name();

    /** The call's parameter object; readable only on the loop thread, during {@link AsyncApi#call}. */
    ApiParams params();

    default void succeed() {
        succeed(null);
    }

    /** Succeeds with extra payload fields after errMsg (may be null). */
    void succeed(ObjectNode extra);

    void fail(ApiException error);

    default void fail(int errNo, String detail) {
        fail(new ApiException(errNo, detail));
    }

    boolean isCompleted();
}
