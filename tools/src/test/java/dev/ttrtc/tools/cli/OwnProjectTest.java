package dev.ttrtc.tools.cli;

import static dev.ttrtc.tools.cli.MainTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.tools.cli.MainTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project of one's own through {@code tt-host run}: it computes its room name and fetches its
 * token from "its app server" (--token-url), and prints text with control characters.
 */
class OwnProjectTest {
    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.writeString(dir.resolve("app.json"), "{\"pages\": [\"pages/call/call\"]}");
        Files.writeString(dir.resolve("app.js"), "App({});");
        Files.createDirectories(dir.resolve("pages/call"));
        Files.writeString(dir.resolve("pages/call/call.js"), """
                Page({
                  onLoad(query) {
                    const roomId = `call_${query.callId}`;
                    console.log('forged\\rline \\u001b]52;c;aGVsbG8=\\u0007 \\u009b31m \\u202e end');
                    tt.request({
                      url: 'https://calls.example.com/api/rtc-token?roomId=' + roomId + '&userId=' + query.me,
                      success: (res) => {
                        const ctx = tt.createRtcRoomContext({ appId: '%s' });
                        ctx.joinRtcRoom({ roomId, userId: query.me, token: res.data.token,
                          success: () => console.log('joined ' + roomId),
                          fail: (e) => console.log('join failed ' + e.errMsg) });
                      },
                      fail: (e) => console.log('token failed ' + e.errMsg),
                    });
                  },
                });
                """.formatted(DevelopmentApp.APP_ID));
    }

    @Test
    void a_project_that_computes_its_room_and_fetches_its_token_joins_through_token_url() {
        Run run = cli("run", dir.toString(), "--no-media", "--query", "callId=42&me=alice",
                "--token-url", "https://calls.example.com/api/rtc-token", "--duration", "3s");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("console.log    joined call_42"), run.out());
    }

    @Test
    void control_characters_from_the_project_are_escaped_on_the_terminal_and_every_json_line_parses() throws Exception {
        Run text = cli("run", dir.toString(), "--no-media", "--query", "callId=1&me=bob", "--duration", "1s");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("forged\\rline \\u001b]52;c;aGVsbG8=\\u0007 \\u009b31m \\u202e end"), text.out());
        assertTrue(text.out().codePoints().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)),
                text.out());
        Run json = cli("run", dir.toString(), "--no-media", "--json", "--query", "callId=1&me=bob", "--duration", "1s");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().codePoints().noneMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x202e)),
                json.out());
        List<JsonNode> lines = json.out().lines().map(l -> {
            try {
                return MainTest.JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        assertTrue(lines.stream().anyMatch(l -> l.path("text").asText()
                .equals("forged\rline \u001b]52;c;aGVsbG8=\u0007 \u009b31m \u202e end")), json.out());
    }
}
