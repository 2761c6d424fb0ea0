package dev.ttrtc.bridge.tt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.errors.RtcException;
import dev.ttrtc.runtime.api.ApiException;
import java.util.List;

/**
 * The one place that builds what the RTC faces hand to JS with an errNo, errMsg or errCode: fail
 * payloads (as {@link ApiException}, which the runtime renders as
 * {@code {errMsg: "<method>:fail <detail>", errNo, …}}) and event payloads. Every code and text
 * comes from {@link RtcError}.
 */
final class RtcPayloads {
    private RtcPayloads() {
    }

    // ---- fail payloads of the room context --------------------------------------------------------

    /** {@code {errMsg: "<method>:fail <detail>", errNo}}. */
    static ApiException fail(RtcError error, Object... args) {
        return new ApiException(error.code(), error.detail(args));
    }

    /**
     * The fail payload for an engine failure. Token failures always read "invalid token", as
     * documented; the server's reason stays in the logs.
     */
    static ApiException fail(Throwable engineFailure) {
        RtcException rtc = RtcException.from(engineFailure);
        String detail = switch (rtc.error()) {
            case INVALID_TOKEN, TOKEN_REFUSED -> RtcError.INVALID_TOKEN.detail();
            case UPDATE_TOKEN_INVALID -> RtcError.UPDATE_TOKEN_INVALID.detail();
            default -> rtc.detail();
        };
        return new ApiException(rtc.error().code(), detail);
    }

    /** A parameter error under the code an API documents for its own parameters (switchCamera's 172299). */
    static ApiException retag(ApiException parameterError, RtcError as) {
        return parameterError.withErrNo(as.code());
    }

    // ---- fail payloads of the mini-game engine ------------------------------------------------------

    /** {@code {errMsg: "<method>:fail <detail>", errNo, errCode}}, errNo and errCode both the entry's code. */
    static ApiException gameFail(RtcError error, Object... args) {
        return withErrCode(error.code(), error.detail(args));
    }

    /** An engine failure: errCode 102 (call failed) with the detail the room context would show. */
    static ApiException gameFail(Throwable engineFailure) {
        return gameFail(RtcError.CALL_FAILED, fail(engineFailure).detail());
    }

    /** A parameter check's failure: errCode 103 (bad parameter) with its detail. */
    static ApiException gameParameter(ApiException parameterError) {
        return gameFail(RtcError.BAD_PARAMETER, parameterError.detail());
    }

    private static ApiException withErrCode(int code, String detail) {
        return new ApiException(code, detail).withField("errCode", code);
    }

    // ---- event payloads -----------------------------------------------------------------------------

    /** {@code onRtcStateChanged}: {@code {errNo, errMsg, data: {roomId}}} ({@code data} empty outside a room). */
    static ObjectNode state(RtcError error, String detail, String roomId) {
        ObjectNode payload = interrupted(error, detail);
        ObjectNode data = payload.putObject("data");
        if (roomId != null) {
            data.put("roomId", roomId);
        }
        return payload;
    }

    /** {@code onRtcStateChanged} with the entry's own text. */
    static ObjectNode state(RtcError error, String roomId) {
        return state(error, error.detail(), roomId);
    }

    /** {@code onRtcChatInterrupted}: {@code {errNo, errMsg}}. */
    static ObjectNode interrupted(RtcError error, String detail) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("errNo", error.code());
        payload.put("errMsg", detail);
        return payload;
    }

    /** A member list event: {@code {userIdList, errCode: 0, errMsg: "<event>:ok"}}. */
    static ObjectNode list(String eventName, List<String> userIds) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        ArrayNode list = payload.putArray("userIdList");
        userIds.forEach(list::add);
        payload.put("errCode", 0);
        payload.put("errMsg", eventName + ":ok");
        return payload;
    }

    // ---- mini-game event payloads ----------------------------------------------------------------

    /** {@code joinChannelSuccess} and {@code rejoinChannelSuccess}: {@code {channelId, uid, elapsed}}. */
    static ObjectNode gameJoined(String channelId, String uid, long elapsedMillis) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("channelId", channelId);
        payload.put("uid", uid);
        payload.put("elapsed", elapsedMillis);
        return payload;
    }

    /** A member event: {@code {uid}}, to which the caller adds the event's own fields. */
    static ObjectNode gameUser(String uid) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("uid", uid);
        return payload;
    }

    /** {@code connectionLost}, {@code connectionInterrupted}: {@code {}}. */
    static ObjectNode gameEmpty() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code networkQuality}: {@code {uid, txQuality, rxQuality}}. */
    static ObjectNode gameNetworkQuality(String uid, int quality) {
        return gameUser(uid).put("txQuality", quality).put("rxQuality", quality);
    }

    /** The mini-game's {@code error} and {@code warning}: {@code {code, message}}. */
    static ObjectNode gameError(RtcError error, String message) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", error.code());
        payload.put("message", message);
        return payload;
    }
}
