package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tt.downloadFile}: a GET whose body goes to a new file of the instance's temp folder,
 * answered with {@code {tempFilePath: "ttfile://temp/…", statusCode}} whatever the status (the
 * file then holds the error page, as on the platform). The file keeps the URL's extension.
 * Bodies over 50 MB (the platform's limit) fail and leave no file.
 */
final class DownloadApi {
    static final long LIMIT = 50L * 1024 * 1024;
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,8})$");

    private final InstanceContext instance;
    private final InstanceNetwork network;

    DownloadApi(InstanceContext instance, InstanceNetwork network) {
        this.instance = instance;
        this.network = network;
    }

    JsObject start(ApiCall call) {
        TransferTask task = new TransferTask(instance, "DownloadTask", true);
        try {
            download(call, task);
        } catch (ApiException e) {
            call.fail(e);
        }
        return task.object();
    }

    private void download(ApiCall call, TransferTask task) throws ApiException {
        ApiParams p = call.params();
        URI url = Urls.target(p.string("url"), List.of("http", "https"), network.mappings());
        HttpRequest request;
        try {
            request = network.newRequest(url, p.optionalStringMap("header")).GET().build();
        } catch (IllegalArgumentException e) {
            throw ApiException.parameter("params.header holds a name or value HTTP does not allow");
        }
        LocalFiles.Location file = LocalFiles.of(instance).newTempFile(extension(url));
        TransferTask.Progress progress = task.progress("totalBytesWritten", "totalBytesExpectedToWrite");
        task.running(HttpExchange.start(network, request, file.file(), LIMIT,
                network.timeout("downloadFile", p.optionalNumber("timeout")), new HttpExchange.Listener() {
                    @Override
                    public void headers(int statusCode, HttpHeaders headers) {
                        network.rememberCookies(url, headers);
                        task.headers(statusCode, headers);
                    }

                    @Override
                    public void progress(long received, long expected) {
                        progress.update(received, expected);
                    }

                    @Override
                    public void complete(int statusCode, HttpHeaders headers, byte[] body) {
                        ObjectNode payload = JsonNodeFactory.instance.objectNode();
                        payload.put("tempFilePath", file.uri());
                        payload.put("statusCode", statusCode);
                        call.succeed(payload);
                    }

                    @Override
                    public void failed(NetError error) {
                        try {
                            Files.deleteIfExists(file.file());
                        } catch (IOException e) {
                            // The instance's folder goes when it closes; a partial file left till then is harmless.
                        }
                        call.fail(error.exception());
                    }
                }));
    }

    private static String extension(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        Matcher m = EXTENSION.matcher(path);
        return m.find() ? "." + m.group(1) : "";
    }
}
