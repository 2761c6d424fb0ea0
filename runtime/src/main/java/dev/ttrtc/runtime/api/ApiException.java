package dev.ttrtc.runtime.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an API call failed: the errNo and the detail that follows {@code "<method>:fail "} in errMsg.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errNo;
    private final String detail;
    private final Map<String, Object> extraFields;

    public ApiException(int errNo, String detail) {
        this(errNo, detail, Map.of());
    }

    private ApiException(int errNo, String detail, Map<String, Object> extraFields) {
        super(detail, null, false, false);
        this.errNo = errNo;
        this.detail = detail;
        this.extraFields = extraFields;
    }

    /** A parameter error (errNo 20000). */
    public static ApiException parameter(String detail) {
        return new ApiException(ApiErrors.PARAMETER_ERROR, detail);
    }

    public int errNo() {
        return errNo;
    }

    public String detail() {
        return detail;
    }

    /** The same detail under another errNo, for APIs that document their own code. */
    public ApiException withErrNo(int otherErrNo) {
        return new ApiException(otherErrNo, detail, extraFields);
    }

    /**
     * The same error with one more field in the fail payload (a String, Number or Boolean), for
     * APIs whose payload carries more than errMsg and errNo (the mini-game engine's errCode).
     */
    public ApiException withField(String name, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(extraFields);
        fields.put(name, value);
        return new ApiException(errNo, detail, Collections.unmodifiableMap(fields));
    }

    /** Fields the fail payload carries besides errMsg and errNo. */
    public Map<String, Object> extraFields() {
        return extraFields;
    }
}
