package dev.ttrtc.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AppId, RoomId and UserId: what each accepts, what it refuses and how it says so, and its plain-string forms. */
class EngineIdsTest {

    @Test
    void valid_ids_keep_their_plain_string_as_value_text_and_json() throws Exception {
        UserId user = UserId.of("a-Z_0.9@x");
        RoomId room = RoomId.of("r".repeat(128));
        AppId app = AppId.of(DevelopmentApp.APP_ID);
        assertEquals("a-Z_0.9@x", user.value());
        assertEquals("a-Z_0.9@x", user.toString());
        assertEquals("r".repeat(128), room.toString());
        assertEquals(DevelopmentApp.APP_ID, app.value());
        assertEquals(UserId.of("bob"), UserId.of("bob"));
        assertEquals("[\"bob\",\"r\"]", new ObjectMapper().writeValueAsString(List.of(UserId.of("bob"), RoomId.of("r"))));
    }

    @Test
    void room_and_user_ids_outside_the_rule_are_refused_naming_the_kind_and_the_rule() {
        assertEquals("a user id must be 1-128 characters of A-Z a-z 0-9 _ @ - ., got \"b b\"",
                assertThrows(IllegalArgumentException.class, () -> UserId.of("b b")).getMessage());
        assertEquals("a room id must be 1-128 characters of A-Z a-z 0-9 _ @ - ., got \"\"",
                assertThrows(IllegalArgumentException.class, () -> RoomId.of("")).getMessage());
        assertEquals("a room id must be 1-128 characters of A-Z a-z 0-9 _ @ - ., got null",
                assertThrows(IllegalArgumentException.class, () -> RoomId.of(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoomId.of("r".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> UserId.of("ü"));
    }

    @Test
    void app_ids_must_be_24_characters() {
        assertEquals("an app id must be 24 characters, got \"short\"",
                assertThrows(IllegalArgumentException.class, () -> AppId.of("short")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AppId.of(DevelopmentApp.APP_ID + "x"));
        assertThrows(IllegalArgumentException.class, () -> AppId.of(null));
    }

    @Test
    void parse_answers_empty_instead_of_refusing() {
        assertEquals(Optional.of(UserId.of("bob")), UserId.parse("bob"));
        assertEquals(Optional.empty(), UserId.parse("b b"));
        assertEquals(Optional.empty(), UserId.parse(null));
    }
}
