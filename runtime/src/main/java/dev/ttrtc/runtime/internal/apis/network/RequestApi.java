package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsValues;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tt.request}: one HTTP exchange with the platform's conversions. {@code data} goes into
 * the query string for methods without a body (an object as {@code k=v&…}, a string as it is) and
 * into the body for POST, PUT and PATCH (a string or ArrayBuffer as it is, an object as JSON, or
 * as a form when the content-type is {@code application/x-www-form-urlencoded}). The answer is
 * {@code {statusCode, header, data}} for every status (404 and 500 included), {@code data} parsed
 * as JSON when {@code dataType} is json and the body is JSON, an ArrayBuffer when
 * {@code responseType} is arraybuffer, otherwise text.
 */
final class RequestApi {
    /** Host rule: the largest request body sent. */
    static final int REQUEST_LIMIT = 10 * 1024 * 1024;
    /** Host rule: the largest response body taken. */
    static final long RESPONSE_LIMIT = 50L * 1024 * 1024;
    private static final List<String> METHODS = List.of("GET", "POST", "OPTIONS", "PUT", "HEAD", "DELETE", "PATCH");
    private static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final InstanceContext instance;
    private final InstanceNetwork network;

    RequestApi(InstanceContext instance, InstanceNetwork network) {
        this.instance = instance;
        this.network = network;
    }

    JsObject start(ApiCall call) {
        TransferTask task = new TransferTask(instance, "RequestTask", false);
        try {
            send(call, task);
        } catch (ApiException e) {
            call.fail(e);
        }
        return task.object();
    }

    private void send(ApiCall call, TransferTask task) throws ApiException {
        ApiParams p = call.params();
        URI url = Urls.target(p.string("url"), List.of("http", "https"), network.mappings());
        String method = method(p);
        Map<String, String> headers = new LinkedHashMap<>(p.optionalStringMap("header"));
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (contentType == null) {
            contentType = "application/json";
            headers.put("content-type", contentType);
        }
        boolean arrayBuffer = p.optionalString("responseType").orElse("text").equals("arraybuffer");
        boolean json = p.optionalString("dataType").orElse("json").equals("json");

        byte[] body = null;
        String kind = p.kindOf("data");
        if (kind.equals("arraybuffer")) {
            body = p.arrayBuffer("data");
        } else if (kind.equals("string") && BODY_METHODS.contains(method)) {
            body = p.string("data").getBytes(StandardCharsets.UTF_8);
        } else if (kind.equals("string")) {
            url = Urls.withQuery(url, p.string("data"));
        } else if ((kind.equals("object") || kind.equals("array"))
                && (!BODY_METHODS.contains(method) || contentType.toLowerCase(Locale.ROOT).contains(FORM))) {
            String query = Urls.queryString(p.optionalStringMap("data"));
            if (BODY_METHODS.contains(method)) {
                body = query.getBytes(StandardCharsets.UTF_8);
            } else {
                url = Urls.withQuery(url, query);
            }
        } else if (!kind.equals("undefined") && !kind.equals("null")) {
            body = p.stringify("data").orElse("").getBytes(StandardCharsets.UTF_8);
        }
        if (body != null && body.length > REQUEST_LIMIT) {
            throw NetError.REQUEST_TOO_LARGE.exception();
        }

        HttpRequest request;
        try {
            request = network.newRequest(url, headers)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            throw ApiException.parameter("params.header holds a name or value HTTP does not allow");
        }
        URI target = url;
        task.running(HttpExchange.start(network, request, null, RESPONSE_LIMIT, network.timeout("request", p.optionalNumber("timeout")),
                new HttpExchange.Listener() {
                    @Override
                    public void headers(int statusCode, HttpHeaders received) {
                        network.rememberCookies(target, received);
                        task.headers(statusCode, received);
                    }

                    @Override
                    public void complete(int statusCode, HttpHeaders received, byte[] data) {
                        ObjectNode payload = JsonNodeFactory.instance.objectNode();
                        payload.put("statusCode", statusCode);
                        payload.set("header", Responses.headerObject(received));
                        if (arrayBuffer) {
                            payload.set("data", JsValues.arrayBuffer(data));
                        } else {
                            String text = Responses.text(received, data);
                            payload.set("data", json ? Responses.jsonOrText(text) : JsonNodeFactory.instance.textNode(text));
                        }
                        call.succeed(payload);
                    }

                    @Override
                    public void failed(NetError error) {
                        call.fail(error.exception());
                    }
                }));
    }

    private static String method(ApiParams p) throws ApiException {
        String method = p.optionalString("method").orElse("GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw ApiException.parameter("expect " + p.path() + ".method to be one of " + String.join(", ", METHODS)
                    + ", but got " + p.optionalString("method").orElse(""));
        }
        return method;
    }
}
