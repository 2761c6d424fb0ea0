package dev.ttrtc.runtime.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceMapTest {
    // Generated line 1 has no mapping (a helper line); line 2 maps column 0 to original 1:0 and
    // column 6 to original 1:4; line 3 maps column 2 to original 3:2 (";AAAA,MAAI;EAEF" in VLQ).
    private static final SourceMap MAP = new SourceMap("{\"version\":3,\"sources\":[\"a.ts\"],\"mappings\":\";AAAA,MAAI;EAEF\"}");

    @Test
    void a_position_maps_to_the_segment_at_or_before_it_on_its_line() {
        assertEquals(Optional.of(new SourceMap.Position(1, 1)), MAP.original(2, 1));
        assertEquals(Optional.of(new SourceMap.Position(1, 1)), MAP.original(2, 6));
        assertEquals(Optional.of(new SourceMap.Position(1, 5)), MAP.original(2, 7));
        assertEquals(Optional.of(new SourceMap.Position(1, 5)), MAP.original(2, 40));
        assertEquals(Optional.of(new SourceMap.Position(3, 3)), MAP.original(3, 3));
    }

    @Test
    void before_the_first_segment_of_a_line_the_previous_line_counts_and_helper_code_maps_nowhere() {
        assertEquals(Optional.of(new SourceMap.Position(1, 5)), MAP.original(3, 1));
        assertEquals(Optional.empty(), MAP.original(1, 10));
        assertEquals(Optional.of(new SourceMap.Position(3, 3)), MAP.original(9, 1));
    }

    @Test
    void a_broken_map_maps_nothing() {
        assertEquals(Optional.empty(), new SourceMap("not json").original(1, 1));
    }
}
