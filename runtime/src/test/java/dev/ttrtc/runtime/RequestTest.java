package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code tt.request} against a real server on 127.0.0.1. */
class RequestTest extends HostTestBase {
    private LocalServer server;

    @BeforeEach
    void startServer() {
        server = new LocalServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Path project() {
        return ProjectFolder.in(dir).page("pages/index/index", "Page({});").write();
    }

    /** Calls {@code tt.<api>(params)} and returns the success or fail payload. */
    static JsonNode answer(MiniProgram app, String api, String params) throws Exception {
        return eval(app, "new Promise((done) => tt." + api + "(Object.assign(" + params + ", { success: done, fail: done })))");
    }

    @Test
    void get_sends_data_as_query_string_and_headers_and_answers_parsed_json() throws Exception {
        MiniProgram app = launch(project());
        JsonNode res = answer(app, "request", "{ url: '" + server.url("/echo/items?page=1") + "',"
                + " data: { q: 'a b&c', n: 3, flag: true, skip: undefined }, header: { 'X-Token': 'abc', 'X-Num': 7 } }");
        assertEquals("request:ok", res.get("errMsg").asText());
        assertEquals(200, res.get("statusCode").asInt());
        assertEquals("yes", res.get("header").get("x-echo").asText());
        assertEquals(json("{\"method\":\"GET\",\"path\":\"/echo/items\",\"query\":\"page=1&q=a%20b%26c&n=3&flag=true\"}"),
                res.get("data"));
        LocalServer.Received got = server.nextRequest();
        assertEquals("abc", got.header("X-Token"));
        answer(app, "request", "{ url: '" + server.url("/echo") + "', data: ['x', 'y'] }");
        assertEquals("0=x&1=y", server.nextRequest().query());
        assertEquals("7", got.header("X-Num"));
        assertEquals("application/json", got.header("content-type"));
        assertTrue(got.header("User-Agent").contains("ToutiaoMicroApp/"), got.header("User-Agent"));
    }

    @Test
    void post_sends_json_a_form_or_a_string_and_put_sends_an_array_buffer() throws Exception {
        MiniProgram app = launch(project());
        answer(app, "request", "{ url: '" + server.url("/echo") + "', method: 'POST', data: { a: [1, 2], b: 'x', f() {} } }");
        LocalServer.Received json = server.nextRequest();
        assertEquals("POST", json.method());
        assertEquals("{\"a\":[1,2],\"b\":\"x\"}", json.bodyText());

        answer(app, "request", "{ url: '" + server.url("/echo") + "', method: 'post',"
                + " header: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: { name: '张 三', age: 30 } }");
        LocalServer.Received form = server.nextRequest();
        assertEquals("name=%E5%BC%A0%20%E4%B8%89&age=30", form.bodyText());
        assertEquals("application/x-www-form-urlencoded", form.header("Content-Type"));

        answer(app, "request", "{ url: '" + server.url("/echo") + "', method: 'POST', data: 'raw text' }");
        assertEquals("raw text", server.nextRequest().bodyText());

        answer(app, "request", "{ url: '" + server.url("/echo") + "', method: 'PUT', data: new Uint8Array([104, 105]).buffer }");
        LocalServer.Received put = server.nextRequest();
        assertEquals("PUT", put.method());
        assertEquals("hi", put.bodyText());
    }

    @Test
    void data_types_text_json_and_array_buffer() throws Exception {
        MiniProgram app = launch(project());
        assertEquals("plain words, not JSON", answer(app, "request", "{ url: '" + server.url("/text") + "' }").get("data").asText());
        assertTrue(answer(app, "request", "{ url: '" + server.url("/echo") + "', dataType: 'string' }").get("data").isTextual());
        JsonNode bytes = eval(app, "new Promise((done) => tt.request({ url: '" + server.url("/bytes") + "', responseType: 'arraybuffer',"
                + " success: (r) => done([r.data instanceof ArrayBuffer, Array.from(new Uint8Array(r.data))]) }))");
        assertEquals(json("[true,[0,1,2,3,4,5,6,7]]"), bytes);
        HostEvent logged = app.events().snapshot(e -> e.kind() == HostEvent.Kind.API_RESULT && e.name().equals("request")).get(2);
        assertEquals("[ArrayBuffer 8 bytes]", logged.data().get("payload").get("data").asText());
    }

    @Test
    void error_statuses_still_succeed() throws Exception {
        MiniProgram app = launch(project());
        JsonNode notFound = answer(app, "request", "{ url: '" + server.url("/status/404") + "' }");
        assertEquals("request:ok", notFound.get("errMsg").asText());
        assertEquals(404, notFound.get("statusCode").asInt());
        assertEquals(json("{\"status\":404}"), notFound.get("data"));
        assertEquals(500, answer(app, "request", "{ url: '" + server.url("/status/500") + "' }").get("statusCode").asInt());
    }

    @Test
    void a_timeout_an_abort_an_unreachable_port_and_an_invalid_url_fail_as_documented() throws Exception {
        MiniProgram app = launch(project());
        assertEquals(json("{\"errMsg\":\"request:fail timeout\",\"errNo\":21201}"),
                answer(app, "request", "{ url: '" + server.hangUrl() + "', timeout: 200 }"));

        JsonNode aborted = eval(app, "new Promise((done) => { const task = tt.request({ url: '" + server.hangUrl()
                + "', fail: done }); task.abort(); })");
        assertEquals(json("{\"errMsg\":\"request:fail abort\",\"errNo\":21200}"), aborted);

        assertEquals(json("{\"errMsg\":\"request:fail connection failed\",\"errNo\":21203}"),
                answer(app, "request", "{ url: 'http://127.0.0.1:" + closedPort() + "/x' }"));

        assertEquals(json("{\"errMsg\":\"request:fail expect params.url to be an absolute http or https URL, but got ftp://x/y\","
                + "\"errNo\":20000}"), answer(app, "request", "{ url: 'ftp://x/y' }"));
        assertEquals(json("{\"errMsg\":\"request:fail expect params.url to be string, but got undefined\",\"errNo\":20000}"),
                answer(app, "request", "{}"));
        assertEquals("request:fail expect params.method to be one of GET, POST, OPTIONS, PUT, HEAD, DELETE, PATCH, but got FETCH",
                answer(app, "request", "{ url: '" + server.url("/echo") + "', method: 'FETCH' }").get("errMsg").asText());
        // A task comes back even for wrong parameters, so task.abort() never throws.
        assertEquals("function", eval(app, "typeof tt.request({}).abort").asText());
    }

    @Test
    void a_body_over_ten_megabytes_fails_before_anything_is_sent() throws Exception {
        MiniProgram app = launch(project());
        assertEquals(json("{\"errMsg\":\"request:fail request data too large\",\"errNo\":21207}"), answer(app, "request",
                "{ url: '" + server.url("/echo") + "', method: 'POST', data: 'x'.repeat(10 * 1024 * 1024 + 1) }"));
        answer(app, "request", "{ url: '" + server.url("/echo/after") + "' }");
        assertEquals("/echo/after", server.nextRequest().path());
    }

    @Test
    void the_task_reports_headers_before_success() throws Exception {
        MiniProgram app = launch(project());
        JsonNode order = eval(app, "new Promise((done) => { const seen = [];"
                + " const task = tt.request({ url: '" + server.url("/status/201") + "', success: (r) => { seen.push('success ' + r.statusCode); done(seen); } });"
                + " task.onHeadersReceived((h) => seen.push('headers ' + h.statusCode + ' ' + h.header['content-type'])); })");
        assertEquals(json("[\"headers 201 application/json\",\"success 201\"]"), order);
    }

    @Test
    void cookies_a_server_sets_go_back_to_it_and_stay_within_the_instance() throws Exception {
        MiniProgram app = launch(project());
        answer(app, "request", "{ url: '" + server.url("/login") + "' }");
        answer(app, "request", "{ url: '" + server.url("/echo") + "' }");
        assertEquals("session=s1", server.nextRequest().header("Cookie"));
        MiniProgram other = launch(ProjectFolder.in(dir.resolve("other")).page("pages/index/index", "Page({});").write());
        answer(other, "request", "{ url: '" + server.url("/echo") + "' }");
        assertEquals(null, server.nextRequest().header("Cookie"));
    }

    @Test
    void app_json_network_timeout_applies_to_request() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "Page({});")
                .file("app.json", "{\"pages\": [\"pages/index/index\"], \"networkTimeout\": {\"request\": 250}}").write();
        MiniProgram app = launch(project);
        assertEquals("request:fail timeout", answer(app, "request", "{ url: '" + server.hangUrl() + "' }").get("errMsg").asText());
    }

    @Test
    void a_mapped_hard_coded_server_is_reached_on_the_local_server() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index",
                "Page({ load() { return new Promise((done) => tt.request({ url: 'https://api.example.com/v1/users?id=7', success: done, fail: done })); } });")
                .write();
        MiniProgram app = launch(LaunchOptions.builder(project)
                .mapUrl("https://api.example.com/v1", "http://127.0.0.1:" + server.port() + "/echo"));
        JsonNode res = Waits.get(app.callPageMethod("load", PageEvent.tap()));
        assertEquals(json("{\"method\":\"GET\",\"path\":\"/echo/users\",\"query\":\"id=7\"}"), res.get("data"));
        assertEquals("/echo/users", server.nextRequest().path());
    }

    @Test
    void closing_the_instance_stops_its_requests() throws Exception {
        MiniProgram app = launch(project());
        eval(app, "tt.request({ url: '" + server.hangUrl() + "' }); 0");
        assertTrue(server.hangingOpened.await(10, TimeUnit.SECONDS), "the request did not arrive");
        app.close();
        assertTrue(server.hangingClosed.await(10, TimeUnit.SECONDS), "the connection was not closed");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
