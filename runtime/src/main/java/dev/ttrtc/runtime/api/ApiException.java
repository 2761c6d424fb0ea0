package dev.ttrtc.runtime.api;

/**
 * Why an API call failed: the errNo and the detail that follows {@code "<method>:fail "} in errMsg.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errNo;
    private final String detail;

    public ApiException(int errNo, String detail) {
        super(detail, null, false, false);
        this.errNo = errNo;
        this.detail = detail;
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
        return new ApiException(otherErrNo, detail);
    }
}
