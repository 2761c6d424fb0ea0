package dev.ttrtc.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class PageDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void a_page_nobody_reads_holds_a_bounded_number_of_patches_and_reads_every_one_applied_in_order() throws Exception {
        PageData data = new PageData(json("{\"list\":[{\"n\":0}],\"count\":0}"));
        int patches = PageData.FOLD_AT * 3 + 5;
        for (int i = 1; i <= patches; i++) {
            data.patch(json("{\"count\":" + i + ",\"list[0].n\":" + (i * 2) + "}"));
            assertTrue(data.unapplied() < PageData.FOLD_AT, "unapplied after " + i + ": " + data.unapplied());
        }
        JsonNode read = data.copy();
        assertEquals(json("{\"list\":[{\"n\":" + (patches * 2) + "}],\"count\":" + patches + "}"), read);
        assertEquals(0, data.unapplied());
    }
}
