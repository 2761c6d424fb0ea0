package dev.ttrtc.runtime.internal.apis.network;

import dev.ttrtc.runtime.api.ApiException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * How a network API fails after its parameters were accepted. The details are the platform's
 * wording where its samples show one ({@code request:fail abort}, {@code request:fail timeout});
 * the errNo values are a host rule (the stored platform pages list none for these cases), one per
 * kind so that a project can tell them apart. Nothing of Java's exception text reaches JS.
 */
public enum NetError {
    /** The project called {@code task.abort()}. */
    ABORT(21200, "abort"),
    /** No complete answer within the timeout ({@code timeout}, app.json networkTimeout, at most 60 s). */
    TIMEOUT(21201, "timeout"),
    /** The host name does not resolve. */
    HOST_NOT_FOUND(21202, "host not found"),
    /** Nothing accepts connections at the address (refused, unreachable). */
    CONNECTION_FAILED(21203, "connection failed"),
    /** The TLS handshake failed (an untrusted certificate, no common protocol). */
    SSL_ERROR(21204, "ssl error"),
    /** The connection broke or the server answered something that is not HTTP. */
    NETWORK_ERROR(21205, "network error"),
    /** The response body is larger than the API takes. */
    RESPONSE_TOO_LARGE(21206, "response too large"),
    /** The request body is larger than the host sends. */
    REQUEST_TOO_LARGE(21207, "request data too large"),
    /** {@code SocketTask.send} while the socket is not open. */
    SOCKET_NOT_OPEN(21208, "socket is not open"),
    /** A sixth WebSocket while five are open (the platform's documented limit). */
    TOO_MANY_SOCKETS(21209, "exceed max socket connection num 5");

    private final int errNo;
    private final String detail;

    NetError(int errNo, String detail) {
        this.errNo = errNo;
        this.detail = detail;
    }

    public int errNo() {
        return errNo;
    }

    public String detail() {
        return detail;
    }

    public ApiException exception() {
        return new ApiException(errNo, detail);
    }

    /** The kind of a failure the HTTP client reported (walking its causes). */
    static NetError of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return HOST_NOT_FOUND;
            }
            if (t instanceof SSLException) {
                return SSL_ERROR;
            }
            if (t instanceof ConnectException) {
                return t.getCause() instanceof UnresolvedAddressException ? HOST_NOT_FOUND : CONNECTION_FAILED;
            }
        }
        return NETWORK_ERROR;
    }
}
