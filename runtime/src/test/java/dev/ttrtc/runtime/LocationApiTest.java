package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tt.getLocation and tt.openLocation: the embedder's position, the coordinate systems, the scope. */
class LocationApiTest extends HostTestBase {
    private static final String LOG = "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));\n";

    private Path project(String name) {
        return ProjectFolder.in(dir.resolve(name)).page("pages/index/index", "Page({});").write();
    }

    @Test
    void the_phone_is_where_the_embedder_puts_it_and_gcj02_is_offset_only_in_china() throws Exception {
        MiniProgram paris = launch(LaunchOptions.builder(project("a")).position(new Position(48.8584, 2.2945, 35, 12)));
        eval(paris, LOG + "tt.getLocation({ success: log('wgs84') }); tt.getLocation({ type: 'gcj02', success: log('gcj02') });"
                + " tt.getLocation({ type: 'bd09', fail: log('bd09') });");
        HostEvent refused = Waits.waitFor(paris, e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().startsWith("bd09 "));
        assertEquals("bd09 {\"errMsg\":\"getLocation:fail expect params.type to be one of \\\"wgs84\\\", \\\"gcj02\\\","
                + " but got bd09\",\"errNo\":20000}", refused.text());
        String fix = ",\"altitude\":35,\"accuracy\":12,\"verticalAccuracy\":12,\"horizontalAccuracy\":12,\"speed\":0}";
        assertEquals(List.of("wgs84 {\"errMsg\":\"getLocation:ok\",\"latitude\":48.8584,\"longitude\":2.2945" + fix,
                "gcj02 {\"errMsg\":\"getLocation:ok\",\"latitude\":48.8584,\"longitude\":2.2945" + fix),
                consoleLines(paris).subList(0, 2), "GCJ-02 is WGS84 outside China");

        MiniProgram beijing = launch(project("b"));
        JsonNode both = eval(beijing, "new Promise((r) => tt.getLocation({ success: (w) => tt.getLocation({ type: 'gcj02',"
                + " success: (g) => r([w.latitude, w.longitude, g.latitude, g.longitude]) }) }))");
        assertEquals(39.9087, both.get(0).asDouble());
        assertEquals(116.3975, both.get(1).asDouble());
        double north = (both.get(2).asDouble() - both.get(0).asDouble()) * 111_000;
        double east = (both.get(3).asDouble() - both.get(1).asDouble()) * 111_000 * Math.cos(Math.toRadians(39.9));
        assertTrue(north > 50 && north < 300 && east > 400 && east < 700,
                "Beijing's GCJ-02 offset is some 150 m north and 550 m east: " + north + ", " + east);
    }

    @Test
    void the_user_may_refuse_and_open_location_is_a_ui_entry() throws Exception {
        MiniProgram app = launch(project("a"));
        eval(app, LOG + "tt.openLocation({ latitude: 31.23, longitude: 121.47, name: 'The Bund', success: log('opened') });"
                + " tt.openLocation({ latitude: 91, longitude: 0, fail: log('north of the pole') });");
        waitForConsole(app, "north of the pole {\"errMsg\":\"openLocation:fail expect params.latitude to be from -90 to 90,"
                + " but got 91\",\"errNo\":20000}");
        assertEquals("opened {\"errMsg\":\"openLocation:ok\"}", consoleLines(app).get(0));
        assertEquals(List.of("authorize {\"scope\":\"scope.userLocation\",\"answer\":\"allow\"}",
                "openLocation {\"latitude\":31.23,\"longitude\":121.47,\"scale\":18.0,\"name\":\"The Bund\",\"address\":\"\"}"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(e -> e.name() + " " + e.data()).toList());

        MiniProgram refusing = launch(LaunchOptions.builder(project("b")).deny("scope.userLocation"));
        eval(refusing, LOG + "tt.getLocation({ fail: log('refused') });");
        waitForConsole(refusing, "refused {\"errMsg\":\"getLocation:fail auth deny\",\"errNo\":10200}");
        assertThrows(IllegalArgumentException.class, () -> Position.at(100, 0));
    }
}
