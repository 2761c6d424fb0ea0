package dev.ttrtc.runtime.internal.apis.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A {@code multipart/form-data} body: text fields, then one file, as {@code uploadFile} sends them. */
final class Multipart {
    private final String boundary = "----tt-rtc-host-" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    Multipart fields(Map<String, String> fields) {
        fields.forEach((name, value) -> {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
            write(value + "\r\n");
        });
        return this;
    }

    Multipart file(String name, String fileName, String mediaType, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                + quoted(fileName) + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] finish() {
        write("--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A name inside a quoted header parameter: quotes and line breaks escaped as browsers do. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
