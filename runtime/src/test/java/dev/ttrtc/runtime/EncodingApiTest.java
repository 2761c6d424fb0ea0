package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EncodingApiTest extends HostTestBase {

    @Test
    void base64_round_trips_array_buffers() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("[\"AAEC/w==\",[0,1,2,255],true,[104,105],\"\"]"), eval(app,
                "const text = tt.arrayBufferToBase64(new Uint8Array([0, 1, 2, 255]).buffer);\n"
                        + "const back = tt.base64ToArrayBuffer(text);\n"
                        + "[text, Array.from(new Uint8Array(back)), back instanceof ArrayBuffer,"
                        + " Array.from(new Uint8Array(tt.base64ToArrayBuffer('aG\\nk='))), tt.arrayBufferToBase64(new ArrayBuffer(0))]"));
    }

    @Test
    void wrong_arguments_throw_the_sync_fail_message() throws Exception {
        MiniProgram app = launchPage("Page({});");
        assertEquals(json("[\"arrayBufferToBase64:fail expect arrayBuffer to be ArrayBuffer, but got number\","
                + "\"base64ToArrayBuffer:fail expect base64 to be string, but got undefined\","
                + "\"base64ToArrayBuffer:fail base64 is not valid base64 text\"]"), eval(app,
                "[() => tt.arrayBufferToBase64(7), () => tt.base64ToArrayBuffer(), () => tt.base64ToArrayBuffer('a')]"
                        + ".map(f => { try { f(); return 'no error'; } catch (e) { return e.message; } })"));
    }
}
