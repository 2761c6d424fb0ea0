package dev.ttrtc.view.internal.ttss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StyleIsolationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode options(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void isolated_by_default() throws Exception {
        assertEquals(StyleIsolation.ISOLATED, StyleIsolation.fromOptions(null));
        assertEquals(StyleIsolation.ISOLATED, StyleIsolation.fromOptions(options("{\"multipleSlots\": true}")));
    }

    @Test
    void add_global_class_means_apply_shared() throws Exception {
        assertEquals(StyleIsolation.APPLY_SHARED, StyleIsolation.fromOptions(options("{\"addGlobalClass\": true}")));
        assertEquals(StyleIsolation.ISOLATED, StyleIsolation.fromOptions(options("{\"addGlobalClass\": false}")));
    }

    @Test
    void a_valid_style_isolation_wins_over_add_global_class() throws Exception {
        assertEquals(StyleIsolation.SHARED,
                StyleIsolation.fromOptions(options("{\"styleIsolation\": \"shared\", \"addGlobalClass\": true}")));
        assertEquals(StyleIsolation.ISOLATED,
                StyleIsolation.fromOptions(options("{\"styleIsolation\": \"isolated\", \"addGlobalClass\": true}")));
    }

    @Test
    void an_unknown_style_isolation_is_ignored() throws Exception {
        assertEquals(StyleIsolation.APPLY_SHARED,
                StyleIsolation.fromOptions(options("{\"styleIsolation\": \"page-shared\", \"addGlobalClass\": true}")));
    }
}
