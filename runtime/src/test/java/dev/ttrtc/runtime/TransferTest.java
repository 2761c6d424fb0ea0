package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.RequestTest.answer;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code tt.downloadFile}, {@code tt.uploadFile} and {@code tt.saveFile} against a real server on 127.0.0.1. */
class TransferTest extends HostTestBase {
    private LocalServer server;

    @BeforeEach
    void startServer() {
        server = new LocalServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private MiniProgram launchProject() throws Exception {
        return launch(ProjectFolder.in(dir).page("pages/index/index", "Page({});").file("data/photo.png", "PNGDATA").write());
    }

    @Test
    void a_download_lands_in_the_temp_folder_readable_through_the_file_system_with_progress() throws Exception {
        MiniProgram app = launchProject();
        JsonNode res = eval(app, "new Promise((done) => { const progress = [];"
                + " const task = tt.downloadFile({ url: '" + server.url("/file.bin?size=300000") + "',"
                + " success: (r) => done({ r, progress, size: tt.getFileSystemManager().statSync(r.tempFilePath).size,"
                + "   head: Array.from(new Uint8Array(tt.getFileSystemManager().readFileSync(r.tempFilePath), 250, 4)) }),"
                + " fail: done });"
                + " task.onProgressUpdate((p) => progress.push(p)); })");
        assertEquals("downloadFile:ok", res.get("r").get("errMsg").asText());
        assertEquals(200, res.get("r").get("statusCode").asInt());
        assertTrue(res.get("r").get("tempFilePath").asText().matches("ttfile://temp/[0-9a-f]{32}\\.bin"), res.toString());
        assertEquals(300000, res.get("size").asInt());
        assertEquals(json("[250,0,1,2]"), res.get("head"));
        JsonNode progress = res.get("progress");
        JsonNode last = progress.get(progress.size() - 1);
        assertEquals(json("{\"progress\":100,\"totalBytesWritten\":300000,\"totalBytesExpectedToWrite\":300000}"), last);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).get("progress").asInt() > progress.get(i - 1).get("progress").asInt(), progress.toString());
        }
    }

    @Test
    void a_downloaded_file_is_saved_to_the_user_folder_and_listed() throws Exception {
        MiniProgram app = launchProject();
        String temp = answer(app, "downloadFile", "{ url: '" + server.url("/file.bin?size=10") + "' }").get("tempFilePath").asText();
        JsonNode saved = answer(app, "saveFile", "{ tempFilePath: '" + temp + "', filePath: 'ttfile://user/kept.bin' }");
        assertEquals(json("{\"errMsg\":\"saveFile:ok\",\"savedFilePath\":\"ttfile://user/kept.bin\"}"), saved);
        JsonNode list = answer(app, "getSavedFileList", "{}").get("fileList");
        assertEquals("ttfile://user/kept.bin", list.get(0).get("filePath").asText());
        assertEquals(10, list.get(0).get("size").asInt());
        assertEquals("readFile:fail no such file or directory, readFile " + temp, answer(app, "getFileSystemManager().readFile",
                "{ filePath: '" + temp + "' }").get("errMsg").asText());
        assertEquals("removeSavedFile:ok", answer(app, "removeSavedFile", "{ filePath: 'ttfile://user/kept.bin' }").get("errMsg").asText());
        assertEquals(0, answer(app, "getSavedFileList", "{}").get("fileList").size());
    }

    @Test
    void a_download_over_the_limit_and_an_aborted_one_fail() throws Exception {
        MiniProgram app = launchProject();
        assertEquals(json("{\"errMsg\":\"downloadFile:fail abort\",\"errNo\":21200}"), eval(app,
                "new Promise((done) => tt.downloadFile({ url: '" + server.hangUrl() + "', fail: done }).abort())"));
        assertEquals(json("{\"errMsg\":\"downloadFile:fail timeout\",\"errNo\":21201}"),
                answer(app, "downloadFile", "{ url: '" + server.hangUrl() + "', timeout: 200 }"));
    }

    @Test
    void an_upload_sends_the_file_and_form_data_as_multipart() throws Exception {
        MiniProgram app = launchProject();
        JsonNode res = eval(app, "new Promise((done) => { const progress = [];"
                + " const task = tt.uploadFile({ url: '" + server.url("/upload") + "', filePath: 'data/photo.png', name: 'avatar',"
                + " formData: { user: 'bob', n: 2 }, header: { 'content-type': 'text/plain' },"
                + " success: (r) => done({ r, progress }), fail: done });"
                + " task.onProgressUpdate((p) => progress.push(p.progress)); })");
        assertEquals("uploadFile:ok", res.get("r").get("errMsg").asText());
        assertEquals(200, res.get("r").get("statusCode").asInt());
        JsonNode received = Waits.JSON.readTree(res.get("r").get("data").asText());
        assertEquals("bob", received.get("user").asText());
        assertEquals("2", received.get("n").asText());
        assertEquals("photo.png", received.get("avatar").get("fileName").asText());
        assertEquals("image/png", received.get("avatar").get("contentType").asText());
        assertEquals("PNGDATA", new String(Base64.getDecoder().decode(received.get("avatar").get("base64").asText())));
        JsonNode progress = res.get("progress");
        assertEquals(100, progress.get(progress.size() - 1).asInt());
    }

    @Test
    void an_upload_of_a_missing_or_outside_file_fails_before_sending() throws Exception {
        MiniProgram app = launchProject();
        assertEquals(json("{\"errMsg\":\"uploadFile:fail no such file or directory, uploadFile ttfile://temp/none\",\"errNo\":21102}"),
                answer(app, "uploadFile", "{ url: '" + server.url("/upload") + "', filePath: 'ttfile://temp/none', name: 'f' }"));
        Path outside = dir.getParent().resolve("outside.txt");
        assertEquals(21101, answer(app, "uploadFile", "{ url: '" + server.url("/upload") + "', filePath: '../"
                + outside.getFileName() + "', name: 'f' }").get("errNo").asInt());
    }

    @Test
    void downloads_follow_url_mappings_too() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index", "Page({});").write())
                .mapUrl("https://cdn.example.com", "http://127.0.0.1:" + server.port()));
        JsonNode res = answer(app, "downloadFile", "{ url: 'https://cdn.example.com/file.bin?size=5' }");
        assertEquals("downloadFile:ok", res.get("errMsg").asText());
        assertEquals(5, eval(app, "tt.getFileSystemManager().statSync('" + res.get("tempFilePath").asText() + "').size").asInt());
    }
}
