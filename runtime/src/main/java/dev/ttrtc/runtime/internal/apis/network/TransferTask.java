package dev.ttrtc.runtime.internal.apis.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import java.net.http.HttpHeaders;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The task object {@code request}, {@code downloadFile} and {@code uploadFile} return:
 * {@code abort()}, {@code onHeadersReceived}/{@code offHeadersReceived} and, for transfers of
 * files, {@code onProgressUpdate}/{@code offProgressUpdate}. Made on the loop; its events may be
 * emitted from any thread.
 */
final class TransferTask {
    private final AtomicReference<InstanceNetwork.Abortable> work = new AtomicReference<>();
    private final JsEventChannel headersReceived;
    private final JsEventChannel progressUpdate;
    private final JsObject object;

    /**
     * @param typeName {@code RequestTask}, {@code DownloadTask} or {@code UploadTask}
     * @param withProgress whether the task reports progress
     */
    TransferTask(InstanceContext instance, String typeName, boolean withProgress) {
        headersReceived = instance.newEventChannel(typeName + ".onHeadersReceived");
        progressUpdate = withProgress ? instance.newEventChannel(typeName + ".onProgressUpdate") : null;
        JsObjectBuilder builder = instance.newObject(typeName)
                .sync("abort", args -> {
                    InstanceNetwork.Abortable running = work.get();
                    if (running != null) {
                        running.abort();
                    }
                    return null;
                })
                .event("onHeadersReceived", "offHeadersReceived", headersReceived);
        if (withProgress) {
            builder.event("onProgressUpdate", "offProgressUpdate", progressUpdate);
        }
        object = builder.build();
    }

    JsObject object() {
        return object;
    }

    /** The exchange that {@code abort()} stops from now on. */
    void running(InstanceNetwork.Abortable exchange) {
        work.set(exchange);
    }

    /** Emits {@code onHeadersReceived} with {@code {header, statusCode, cookies}}. */
    void headers(int statusCode, HttpHeaders headers) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("header", Responses.headerObject(headers));
        payload.put("statusCode", statusCode);
        ArrayNode cookies = payload.putArray("cookies");
        headers.allValues("set-cookie").forEach(cookies::add);
        headersReceived.emit(payload);
    }

    /** A progress reporter that emits {@code onProgressUpdate} with the given field names. */
    Progress progress(String doneField, String totalField) {
        return new Progress(doneField, totalField);
    }

    /**
     * Emits progress when the whole percentage changes (at most 101 events a transfer), or every
     * 256 KiB while the total is unknown. Called by one thread at a time.
     */
    final class Progress {
        private static final long UNKNOWN_TOTAL_STEP = 256 * 1024;
        private final String doneField;
        private final String totalField;
        private long lastPercent = -1;
        private long lastDone = -UNKNOWN_TOTAL_STEP;

        private Progress(String doneField, String totalField) {
            this.doneField = doneField;
            this.totalField = totalField;
        }

        void update(long done, long total) {
            long percent = total > 0 ? Math.min(100, done * 100 / total) : 0;
            boolean due = total > 0 ? percent != lastPercent : done - lastDone >= UNKNOWN_TOTAL_STEP;
            if (!due || progressUpdate == null) {
                return;
            }
            lastPercent = percent;
            lastDone = done;
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.put("progress", percent);
            payload.put(doneField, done);
            payload.put(totalField, Math.max(total, 0));
            progressUpdate.emit(payload);
        }
    }
}
