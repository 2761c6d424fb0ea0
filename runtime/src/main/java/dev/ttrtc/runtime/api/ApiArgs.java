package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/** The positional arguments of a {@link SyncApi} call. Loop thread only, during the call. */
public interface ApiArgs {

    int count();

    /** The JS {@code typeof} of argument {@code index} ({@code "undefined"} past the end; {@code "null"} for null). */
    String typeOf(int index);

    /** The argument rendered as the platform's messages show it ({@code 7}, {@code abc}, {@code undefined}). */
    String describe(int index);

    Optional<String> string(int index);

    OptionalDouble number(int index);

    /** The bytes of the argument, when it is an ArrayBuffer (a copy). */
    Optional<byte[]> arrayBuffer(int index);

    /** The argument as JSON (functions described as strings; null when undefined). */
    JsonNode json(int index);

    /** The argument as a parameter object, when it is a (non-null, non-function) object. */
    Optional<ApiParams> params(int index);

    /** The argument as a callback, when it is a function. */
    Optional<JsCallback> callback(int index);
}
