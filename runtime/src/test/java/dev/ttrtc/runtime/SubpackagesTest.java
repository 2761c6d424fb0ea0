package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** app.json's subpackages: their pages open like any other, and the platform's packing rules hold. */
class SubpackagesTest {
    private static final String PAGE = "Page({ onLoad(q) { console.log(getCurrentPages().pop().route + ' ' + JSON.stringify(q)); },"
            + " go(e) { tt.navigateTo({ url: e.detail.url, success: (r) => console.log(r.errMsg),"
            + "   fail: (r) => console.log(r.errMsg + ' #' + r.errNo) }); } });";

    static MiniProgramHost host;

    @TempDir
    Path dir;

    @BeforeAll
    static void startHost() {
        host = MiniProgramHost.create();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    private ProjectFolder project(String subpackagesJson) {
        return ProjectFolder.in(dir)
                .file("app.json", "{\"pages\": [\"pages/index/index\"], " + subpackagesJson + "}")
                .file("pages/index/index.js", PAGE)
                .file("packageA/pages/detail/detail.js", PAGE)
                .file("packageB/pages/list/list.js", PAGE);
    }

    private static final String TWO = "\"subpackages\": [{\"root\": \"packageA\", \"pages\": [\"pages/detail/detail\"]},"
            + " {\"root\": \"packageB/\", \"name\": \"b\", \"pages\": [\"pages/list/list\"]}]";

    private String launchError(ProjectFolder folder) {
        Path project = folder.write();
        return assertThrows(LaunchException.class, () -> host.launch(LaunchOptions.builder(project).build())).getMessage();
    }

    @Test
    void a_subpackage_page_opens_by_navigation_and_at_launch() throws Exception {
        Path folder = project(TWO).write();
        MiniProgram app = host.launch(LaunchOptions.builder(folder).build());
        get(app.callPageMethod("go", new PageEvent("tap", json("{\"url\":\"/packageA/pages/detail/detail?id=7\"}"), null)));
        waitForConsole(app, "navigateTo:ok");
        assertEquals(List.of("pages/index/index {}", "packageA/pages/detail/detail {\"id\":\"7\"}", "navigateTo:ok"), consoleLines(app));
        assertEquals(List.of("pages/index/index", "packageA/pages/detail/detail"), app.pageStack());
        app.close();

        MiniProgram direct = host.launch(LaunchOptions.builder(folder).page("packageB/pages/list/list").build());
        waitForConsole(direct, "packageB/pages/list/list {}");
        direct.close();
    }

    @Test
    void sub_packages_written_in_camel_case_are_read_the_same() throws Exception {
        Path folder = project(TWO.replace("\"subpackages\"", "\"subPackages\"").replace("\"packageA\"", "\"./packageA\"")).write();
        MiniProgram app = host.launch(LaunchOptions.builder(folder).page("packageA/pages/detail/detail").build());
        waitForConsole(app, "packageA/pages/detail/detail {}");
        app.close();
    }

    @Test
    void a_subpackage_requires_its_own_files_and_the_main_package_but_not_another_subpackage() throws Exception {
        Path folder = project(TWO)
                .file("utils/shared.js", "module.exports = 'main';")
                .file("packageA/utils/own.js", "module.exports = 'own';")
                .file("packageB/utils/theirs.js", "module.exports = 'theirs';")
                .file("packageA/pages/detail/detail.js", "const a = require('../../../utils/shared.js');"
                        + " const b = require('../../utils/own.js');"
                        + " let c; try { require('../../../packageB/utils/theirs.js'); } catch (e) { c = e.message; }"
                        + " Page({ onLoad() { console.log(a, b, c); } });")
                .write();
        MiniProgram app = host.launch(LaunchOptions.builder(folder).page("packageA/pages/detail/detail").build());
        waitForConsole(app, "main own require: \"../../../packageB/utils/theirs.js\" (from packageA/pages/detail/detail.js):"
                + " packageB/utils/theirs.js is in the subpackage \"packageB\", and the subpackage \"packageA\" uses only"
                + " its own files and the main package's");
        app.close();
    }

    @Test
    void an_independent_subpackage_requires_only_its_own_files() {
        assertEquals("packageA/pages/detail/detail.js:1:1: Error: require: \"../../../utils/shared.js\""
                + " (from packageA/pages/detail/detail.js): utils/shared.js is in the main package, and the independent"
                + " subpackage \"packageA\" uses only its own files",
                launchError(project(TWO.replace("\"packageA\",", "\"packageA\", \"independent\": true,"))
                        .file("utils/shared.js", "module.exports = 'main';")
                        .file("packageA/pages/detail/detail.js", "require('../../../utils/shared.js'); Page({});")));
        assertEquals("app.json: subpackages[0].independent must be true or false, not \"yes\"",
                launchError(project(TWO.replace("\"packageA\",", "\"packageA\", \"independent\": \"yes\","))));
    }

    @Test
    void the_main_package_cannot_require_a_subpackage_file() {
        assertEquals("pages/index/index.js:1:1: Error: require: \"../../packageA/utils/own.js\" (from pages/index/index.js):"
                + " packageA/utils/own.js is in the subpackage \"packageA\", which the main package's files cannot use",
                launchError(project(TWO).file("packageA/utils/own.js", "module.exports = 1;")
                        .file("pages/index/index.js", "require('../../packageA/utils/own.js'); Page({});")));
    }

    @Test
    void a_page_cannot_use_a_component_of_another_subpackage() {
        assertEquals("packageA/pages/detail/detail.json: usingComponents \"card\": packageB/components/card/card is in"
                + " the subpackage \"packageB\", and the subpackage \"packageA\" uses only its own files and the main package's",
                launchError(project(TWO)
                        .file("packageB/components/card/card.js", "Component({});")
                        .file("packageB/components/card/card.json", "{\"component\": true}")
                        .file("packageA/pages/detail/detail.json",
                                "{\"usingComponents\": {\"card\": \"/packageB/components/card/card\"}}")));
    }

    @Test
    void the_packing_rules_are_checked_before_anything_runs() {
        assertEquals("app.json: tabBar.list[0].pagePath \"packageA/pages/detail/detail\" is in the subpackage \"packageA\":"
                + " tab pages must be in the main package", launchError(project(TWO + ", \"tabBar\": {\"list\": ["
                + "{\"pagePath\": \"packageA/pages/detail/detail\", \"text\": \"A\"},"
                + " {\"pagePath\": \"pages/index/index\", \"text\": \"I\"}]}")));
        assertEquals("app.json: subpackages[1].root \"packageA/inner\" overlaps the subpackage \"packageA\": a subpackage's"
                + " root cannot be inside another", launchError(project("\"subpackages\": [{\"root\": \"packageA\", \"pages\":"
                + " [\"pages/detail/detail\"]}, {\"root\": \"packageA/inner\", \"pages\": [\"x\"]}]")));
        assertEquals("app.json: \"pages\" lists \"packageA/pages/detail/detail\", which is inside the subpackage \"packageA\":"
                + " list it in that subpackage's pages", launchError(project("\"subpackages\": [{\"root\": \"packageA\","
                + " \"pages\": [\"pages/other/other\"]}]").file("app.json", "{\"pages\": [\"pages/index/index\","
                + " \"packageA/pages/detail/detail\"], \"subpackages\": [{\"root\": \"packageA\", \"pages\": [\"pages/other/other\"]}]}")));
        assertEquals("app.json: has both \"subpackages\" and \"subPackages\"; keep one",
                launchError(project(TWO + ", " + TWO.replace("\"subpackages\"", "\"subPackages\""))));
        assertEquals("app.json: subpackages[0] must be an object with a \"root\" folder and its \"pages\"",
                launchError(project("\"subpackages\": [{\"pages\": [\"a\"]}]")));
        assertEquals("app.json: subpackages[0].pages must be a non-empty array of page paths",
                launchError(project("\"subpackages\": [{\"root\": \"packageA\"}]")));
        assertEquals("app.json lists page \"packageA/pages/none/none\" but packageA/pages/none/none.js does not exist",
                launchError(project("\"subpackages\": [{\"root\": \"packageA\", \"pages\": [\"pages/none/none\"]}]")));
    }
}
