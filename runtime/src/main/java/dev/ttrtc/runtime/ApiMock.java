package dev.ttrtc.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A stand-in for one {@code tt.X} API, installed through {@link LaunchOptions.Builder#mock}.
 *
 * <p>Host rule: a {@link FixedResult} answers an asynchronous API (one that takes
 * success/fail/complete) with {@code {errMsg: "X:ok", ...result}} on a later turn, or with a fail
 * payload when the result's errMsg contains {@code ":fail"}; it answers a synchronous API (a name
 * ending in {@code Sync}, {@code canIUse}, or a {@code create...}/{@code get...} factory) by
 * returning the result.
 */
public sealed interface ApiMock {

    /** Replaces the API with a JS function, given as source text, evaluated in the instance. */
    static ApiMock js(String functionSource) {
        return new JsFunction(functionSource);
    }

    /** Replaces the API with a fixed answer. */
    static ApiMock result(JsonNode result) {
        return new FixedResult(result);
    }

    /** @param source a JS function expression, for example {@code "(params) => params.success({})"} */
    record JsFunction(String source) implements ApiMock {
        public JsFunction {
            Objects.requireNonNull(source, "source");
        }
    }

    /** @param result the JSON value the API answers with */
    record FixedResult(JsonNode result) implements ApiMock {
        public FixedResult {
            Objects.requireNonNull(result, "result");
        }
    }
}
