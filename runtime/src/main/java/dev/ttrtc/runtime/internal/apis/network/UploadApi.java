package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.internal.apis.files.FileError;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tt.uploadFile}: a {@code multipart/form-data} POST of one local file (any area: temp,
 * user or package) under the field {@code name}, after the {@code formData} fields, answered with
 * {@code {data: <response text>, statusCode}}. The project's content-type header is replaced (the
 * platform does not let it be set); files over 10 MB fail before anything is sent.
 */
final class UploadApi {
    static final long FILE_LIMIT = 10L * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final InstanceContext instance;
    private final InstanceNetwork network;

    UploadApi(InstanceContext instance, InstanceNetwork network) {
        this.instance = instance;
        this.network = network;
    }

    JsObject start(ApiCall call) {
        TransferTask task = new TransferTask(instance, "UploadTask", true);
        try {
            upload(call, task);
        } catch (ApiException e) {
            call.fail(e);
        }
        return task.object();
    }

    private void upload(ApiCall call, TransferTask task) throws ApiException {
        ApiParams p = call.params();
        URI url = Urls.target(p.string("url"), List.of("http", "https"), network.mappings());
        String filePath = p.string("filePath");
        String name = p.string("name");
        Path file = LocalFiles.of(instance).locate("uploadFile", filePath).file();
        if (!Files.isRegularFile(file)) {
            throw FileError.NO_SUCH_FILE.at("uploadFile", filePath);
        }
        byte[] content;
        try {
            if (Files.size(file) > FILE_LIMIT) {
                throw NetError.REQUEST_TOO_LARGE.exception();
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileError.OPERATION_FAILED.error();
        }
        String fileName = file.getFileName().toString();
        String mediaType = URLConnection.guessContentTypeFromName(fileName);
        Multipart multipart = new Multipart().fields(p.optionalStringMap("formData"))
                .file(name, fileName, mediaType == null ? "application/octet-stream" : mediaType, content);
        byte[] body = multipart.finish();

        Map<String, String> headers = new LinkedHashMap<>(p.optionalStringMap("header"));
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("content-type"));
        headers.put("Content-Type", multipart.contentType());
        TransferTask.Progress progress = task.progress("totalBytesSent", "totalBytesExpectedToSend");
        HttpRequest request;
        try {
            request = network.newRequest(url, headers)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(() -> chunks(body, progress)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw ApiException.parameter("params.header holds a name or value HTTP does not allow");
        }
        task.running(HttpExchange.start(network, request, null, RequestApi.RESPONSE_LIMIT,
                network.timeout("uploadFile", p.optionalNumber("timeout")), new HttpExchange.Listener() {
                    @Override
                    public void headers(int statusCode, HttpHeaders received) {
                        network.rememberCookies(url, received);
                        task.headers(statusCode, received);
                    }

                    @Override
                    public void complete(int statusCode, HttpHeaders received, byte[] data) {
                        ObjectNode payload = JsonNodeFactory.instance.objectNode();
                        payload.put("data", Responses.text(received, data));
                        payload.put("statusCode", statusCode);
                        call.succeed(payload);
                    }

                    @Override
                    public void failed(NetError error) {
                        call.fail(error.exception());
                    }
                }));
    }

    /** The body in chunks; progress is reported as the client takes each one to send. */
    private static Iterator<byte[]> chunks(byte[] body, TransferTask.Progress progress) {
        List<byte[]> parts = new ArrayList<>();
        for (int at = 0; at < body.length; at += CHUNK) {
            parts.add(Arrays.copyOfRange(body, at, Math.min(body.length, at + CHUNK)));
        }
        Iterator<byte[]> it = parts.iterator();
        return new Iterator<>() {
            private long sent;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public byte[] next() {
                byte[] part = it.next();
                sent += part.length;
                progress.update(sent, body.length);
                return part;
            }
        };
    }
}
