package dev.ttrtc.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchQueryTest {
    @Test
    void a_pasted_token_keeps_its_plus_slash_and_equals_signs() {
        assertEquals(Map.of("token", "001abc+def/ghi==", "room", "r1"), LaunchQuery.parse("token=001abc+def/ghi==&room=r1"));
    }

    @Test
    void valid_escapes_are_decoded_and_text_that_cannot_be_escaped_stays_as_written() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "a b/中");
        expected.put("pct", "100%");
        expected.put("half", "%E4%B8");
        expected.put("flag", "");
        assertEquals(expected, LaunchQuery.parse("name=a%20b%2F%E4%B8%AD&pct=100%&half=%E4%B8&flag"));
    }
}
