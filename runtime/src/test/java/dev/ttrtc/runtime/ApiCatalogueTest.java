package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.api.ApiEntry.Form;
import dev.ttrtc.runtime.api.ApiEntry.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The API catalogue against the official typings (test data listed from @douyin-microapp/typings
 * 1.3.1 with the TypeScript checker), against what a launched instance's {@code tt} holds, and the
 * behaviour of the "not available" stand-ins.
 */
class ApiCatalogueTest extends HostTestBase {

    /** name -> form, from the committed test data. */
    private static Map<String, String> typings() throws IOException {
        Map<String, String> apis = new LinkedHashMap<>();
        try (InputStream in = ApiCatalogueTest.class.getResourceAsStream("typings-1.3.1-apis.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    apis.put(columns[0], columns[1]);
                }
            }
        }
        return apis;
    }

    private Path emptyProject() {
        return ProjectFolder.in(dir).page("pages/index/index", "Page({});").write();
    }

    @Test
    void the_platform_list_is_the_typings_list_then_the_documented_apis_the_typings_lack() throws IOException {
        Map<String, String> typed = new LinkedHashMap<>();
        List<String> documented = new ArrayList<>();
        for (ApiCatalogue.PlatformApi api : ApiCatalogue.platformApis()) {
            if (api.inTypings()) {
                typed.put(api.name(), api.form().wireName());
            } else {
                documented.add(api.name());
            }
        }
        assertEquals(typings(), typed);
        assertEquals(167, typed.size());
        assertEquals(List.of(), documented.stream().filter(typed::containsKey).toList());
        assertTrue(documented.contains("chooseVideo"), documented.toString());
    }

    @Test
    void every_typings_api_is_catalogued_in_the_form_the_typings_declare() throws IOException {
        ApiCatalogue catalogue = host.apiCatalogue();
        List<String> wrong = new ArrayList<>();
        typings().forEach((name, form) -> {
            ApiCatalogue.Entry entry = catalogue.find(name).orElse(null);
            if (entry == null || !entry.form().wireName().equals(form) || !entry.inTypings()) {
                wrong.add(name + " (typings: " + form + ", catalogue: " + entry + ")");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void a_launched_tt_holds_exactly_the_catalogue_and_can_i_use_says_which_are_available() throws Exception {
        MiniProgram app = launch(emptyProject());
        JsonNode onTt = eval(app, "const r = {}; for (const k of Object.keys(tt)) {"
                + " r[k] = [typeof tt[k] === 'function' ? 'function' : 'value', tt.canIUse(k)]; } r");
        Map<String, String> actual = new TreeMap<>();
        onTt.properties().forEach(f -> actual.put(f.getKey(), f.getValue().get(0).asText() + " " + f.getValue().get(1).asBoolean()));
        Map<String, String> expected = new TreeMap<>();
        for (ApiCatalogue.Entry e : host.apiCatalogue().entries()) {
            expected.put(e.name(), (e.form() == Form.VALUE ? "value" : "function") + " " + (e.status() != Status.NOT_AVAILABLE));
        }
        assertEquals(expected, actual);
    }

    @Test
    void an_unavailable_async_api_fails_with_10301_through_fail_and_complete_and_reports_its_first_call() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));"
                + " tt.pay({ orderInfo: {}, success: log('success'), fail: log('fail'), complete: log('complete') });"
                + " tt.pay({ complete: log('again') });");
        waitForConsole(app, "again {\"errMsg\":\"pay:fail not available in tt-rtc-host\",\"errNo\":10301}");
        assertEquals(List.of("fail {\"errMsg\":\"pay:fail not available in tt-rtc-host\",\"errNo\":10301}",
                "complete {\"errMsg\":\"pay:fail not available in tt-rtc-host\",\"errNo\":10301}",
                "again {\"errMsg\":\"pay:fail not available in tt-rtc-host\",\"errNo\":10301}"), consoleLines(app));
        List<HostEvent> errors = Waits.errors(app);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("pay", errors.get(0).name());
        assertEquals("unavailable", errors.get(0).data().get("cause").asText());
        assertEquals("tt.pay is not available in tt-rtc-host (docs/apis.md lists what is)", errors.get(0).text());
        assertEquals(false, eval(app, "tt.canIUse('pay')").asBoolean());
    }

    @Test
    void an_unavailable_sync_api_throws_and_an_unavailable_value_is_an_empty_frozen_object() throws Exception {
        MiniProgram app = launch(emptyProject());
        assertEquals(json("[\"Error: createCanvasContext:fail not available in tt-rtc-host\",\"{}\",true,false,false]"),
                eval(app, "let thrown; try { tt.createCanvasContext('c'); } catch (e) { thrown = String(e); }"
                        + " [thrown, JSON.stringify(tt.performance), Object.isFrozen(tt.performance),"
                        + " tt.canIUse('performance'), tt.canIUse('createCanvasContext')]"));
        assertEquals("createCanvasContext", Waits.errors(app).get(0).name());
    }

    @Test
    void an_api_only_the_platforms_documentation_gives_is_a_stand_in_too() throws Exception {
        MiniProgram app = launch(emptyProject());
        eval(app, "tt.chooseVideo({ fail: (res) => console.log(JSON.stringify(res)) });");
        waitForConsole(app, "{\"errMsg\":\"chooseVideo:fail not available in tt-rtc-host\",\"errNo\":10301}");
        assertEquals(json("[\"Error: createCameraContext:fail not available in tt-rtc-host\",false]"),
                eval(app, "let thrown; try { tt.createCameraContext(); } catch (e) { thrown = String(e); }"
                        + " [thrown, tt.canIUse('chooseVideo')]"));
    }

    @Test
    void a_name_that_is_no_api_is_undefined_and_calling_it_names_tt() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir).page("pages/index/index",
                "Page({ onLoad() { try { tt.reqest({ url: 'x' }); } catch (e) { console.log(String(e)); } } });").write());
        waitForConsole(app, "TypeError: tt.reqest is not a function");
        assertEquals(json("[\"undefined\",false,false]"), eval(app, "[typeof tt.reqest, 'reqest' in tt, tt.canIUse('reqest')]"));
    }

    @Test
    void can_i_use_checks_the_api_of_a_schema_and_knows_mocks() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(emptyProject()).mock("pay", ApiMock.result(json("{}"))));
        assertEquals(json("[true,true,true,false,false,true]"), eval(app, "[tt.canIUse('getSystemInfo.success.model'),"
                + " tt.canIUse('showToast.object.title'), tt.canIUse('login'), tt.canIUse('scanCode'),"
                + " tt.canIUse('UpdateManager'), tt.canIUse('pay')]"));
    }

    @Test
    void the_markdown_lists_every_api_with_its_status() {
        String md = host.apiCatalogue().markdown();
        for (ApiCatalogue.Entry e : host.apiCatalogue().entries()) {
            assertTrue(md.contains("| `" + e.name() + "` | " + e.status().label() + " | " + e.form().wireName() + " |"), e.name());
        }
    }
}
