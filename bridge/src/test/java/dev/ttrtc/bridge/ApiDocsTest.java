package dev.ttrtc.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.ApiCatalogue;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.api.ApiEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/apis.md is the API catalogue of a host with every module of the product (runtime and
 * RTC), and that catalogue is exactly what a launched instance's {@code tt} holds. Regenerate the
 * document with {@code -Dtt.writeApiDocs=true} (the command is at the top of the document).
 */
class ApiDocsTest {
    private static final Path DOC = Path.of("..", "docs", "apis.md");

    @Test
    void docs_apis_md_is_the_catalogue() throws Exception {
        try (MiniProgramHost host = MiniProgramHost.create()) {
            String expected = host.apiCatalogue().markdown();
            if (Boolean.getBoolean("tt.writeApiDocs")) {
                Files.createDirectories(DOC.getParent());
                Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            }
            String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
            assertEquals(expected, actual, "docs/apis.md is stale; regenerate it with the command at its top");
        }
    }

    @Test
    void a_launched_tt_holds_the_catalogue_with_the_rtc_apis() throws Exception {
        // A generous task budget: this checks what tt holds, not how fast a busy machine starts an instance.
        try (MiniProgramHost host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(30)))) {
            MiniProgram app = host.launch(LaunchOptions.builder(Path.of("../sample-miniapp")).build());
            JsonNode onTt = app.evaluate("const r = {}; for (const k of Object.keys(tt)) { r[k] = tt.canIUse(k); } r")
                    .get(30, TimeUnit.SECONDS);
            TreeMap<String, Boolean> actual = new TreeMap<>();
            onTt.properties().forEach(f -> actual.put(f.getKey(), f.getValue().asBoolean()));
            TreeMap<String, Boolean> expected = new TreeMap<>();
            for (ApiCatalogue.Entry e : host.apiCatalogue().entries()) {
                expected.put(e.name(), e.status() != ApiEntry.Status.NOT_AVAILABLE);
            }
            assertEquals(expected, actual);
            assertEquals("RtcModule", host.apiCatalogue().find("createRtcRoomContext").orElseThrow().module());
        }
    }
}
