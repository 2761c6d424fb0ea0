package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code tt.connectSocket} and SocketTask against a real WebSocket echo server on 127.0.0.1. */
class SocketTest extends HostTestBase {
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
        return launch(ProjectFolder.in(dir).page("pages/index/index", "Page({});").write());
    }

    private String wsUrl() {
        return "ws://127.0.0.1:" + server.port() + "/ws";
    }

    @Test
    void text_and_binary_frames_echo_and_a_client_close_reaches_the_server() throws Exception {
        MiniProgram app = launchProject();
        JsonNode events = eval(app, "new Promise((done) => { const seen = [];"
                + " const task = tt.connectSocket({ url: '" + wsUrl() + "', success: (r) => seen.push(r.errMsg + ' id=' + r.socketTaskId) });"
                + " seen.push('state ' + task.readyState);"
                + " task.onOpen((r) => { seen.push('open state=' + task.readyState + ' ' + r.socketType);"
                + "   task.send({ data: 'hello', success: (s) => seen.push(s.errMsg) });"
                + "   task.send({ data: new Uint8Array([9, 8, 7]).buffer }); });"
                + " task.onMessage((m) => { seen.push(typeof m.data === 'string' ? 'text ' + m.data"
                + "   : 'binary ' + (m.data instanceof ArrayBuffer) + ' ' + Array.from(new Uint8Array(m.data)));"
                + "   if (typeof m.data !== 'string') task.close({ code: 4000, reason: 'done', success: (c) => seen.push(c.errMsg) }); });"
                + " task.onClose((c) => { seen.push('close ' + c.code + ' ' + c.reason + ' state=' + task.readyState); done(seen); }); })");
        assertEquals(json("[\"state 0\",\"connectSocket:ok id=1\",\"open state=1 tradition\",\"send:ok\",\"text hello\","
                + "\"binary true 9,8,7\",\"close:ok\",\"close 1000  state=3\"]"), events);
        // The server got the project's code; onClose carries the code of the server's answer (this one says 1000).
        assertEquals(List.of(4000, "done"), server.sockets.awaitNext("closeFrame").args());
    }

    @Test
    void a_server_close_code_reaches_on_close_and_send_then_fails() throws Exception {
        MiniProgram app = launchProject();
        JsonNode events = eval(app, "new Promise((done) => { const seen = [];"
                + " const task = tt.connectSocket({ url: '" + wsUrl() + "' });"
                + " task.onOpen(() => task.send({ data: 'close:4001:bye' }));"
                + " task.onClose((c) => { seen.push(c.code + ' ' + c.reason);"
                + "   task.send({ data: 'late', fail: (f) => { seen.push(f); done(seen); } }); }); })");
        assertEquals(json("[\"4001 bye\",{\"errMsg\":\"send:fail socket is not open\",\"errNo\":21208}]"), events);
    }

    @Test
    void an_unreachable_server_reports_on_error_then_on_close() throws Exception {
        MiniProgram app = launchProject();
        server.close();
        JsonNode events = eval(app, "new Promise((done) => { const seen = [];"
                + " const task = tt.connectSocket({ url: '" + wsUrl() + "' });"
                + " task.onError((e) => seen.push('error ' + e.errMsg));"
                + " task.onClose((c) => { seen.push('close ' + c.code); done(seen); }); })");
        assertEquals(json("[\"error connection failed\",\"close 1006\"]"), events);
    }

    @Test
    void parameters_urls_and_the_five_socket_limit_are_checked() throws Exception {
        MiniProgram app = launchProject();
        assertEquals(json("{\"errMsg\":\"connectSocket:fail expect params.url to be an absolute ws or wss URL, but got http://x\","
                + "\"errNo\":20000}"), RequestTest.answer(app, "connectSocket", "{ url: 'http://x' }"));
        JsonNode sixth = eval(app, "new Promise((done) => { for (let i = 0; i < 5; i++) tt.connectSocket({ url: '" + wsUrl() + "' });"
                + " tt.connectSocket({ url: '" + wsUrl() + "', fail: done }); })");
        assertEquals(json("{\"errMsg\":\"connectSocket:fail exceed max socket connection num 5\",\"errNo\":21209}"), sixth);
        assertEquals("close:fail code is invalid", eval(app, "new Promise((done) => tt.connectSocket({ url: '" + wsUrl() + "' })"
                + ".close({ code: 1001, fail: (f) => done(f.errMsg) }))").asText());
    }

    @Test
    void closing_the_instance_closes_its_sockets() throws Exception {
        MiniProgram app = launchProject();
        assertEquals("open", eval(app, "new Promise((done) => tt.connectSocket({ url: '" + wsUrl() + "' }).onOpen(() => done('open')))")
                .asText());
        app.close();
        server.sockets.awaitNext("closed");
    }

    @Test
    void sockets_follow_url_mappings_from_https_addresses() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index", "Page({});").write())
                .mapUrl("https://chat.example.com", "http://127.0.0.1:" + server.port()));
        JsonNode echoed = eval(app, "new Promise((done) => { const task = tt.connectSocket({ url: 'wss://chat.example.com/ws' });"
                + " task.onOpen(() => task.send({ data: 'mapped' })); task.onMessage((m) => done(m.data)); })");
        assertEquals("mapped", echoed.asText());
    }
}
