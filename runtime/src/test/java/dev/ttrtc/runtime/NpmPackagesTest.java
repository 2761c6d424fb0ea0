package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** npm packages as the devtools' "build npm" leaves them, in miniprogram_npm folders. */
class NpmPackagesTest extends HostTestBase {

    @Test
    void packages_by_name_scoped_packages_subpaths_and_package_main() throws Exception {
        MiniProgram app = launch(Fixtures.project("npm-app"));
        assertEquals(json("{\"events\": [\"alice\"], \"color\": \"#00b:2\", \"direct\": \"red:1\", \"day\": \"2024-05-07\"}"),
                app.pageData());
        assertEquals(List.of(), errors(app));
    }

    @Test
    void the_nearest_miniprogram_npm_folder_wins_and_the_root_one_serves_subfolders_too() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(Fixtures.project("npm-app")).page("packageA/pages/list/list"));
        assertEquals(json("{\"label\": \"3 items\", \"shared\": \"function\"}"), app.pageData());
    }

    @Test
    void a_package_only_in_node_modules_is_not_found_and_the_message_says_to_build_npm() throws Exception {
        MiniProgram app = launch(Fixtures.project("npm-app"));
        assertEquals("require: cannot find module \"left-pad\" from pages/index/index.js (node_modules has it, but "
                + "mini-programs load npm packages from miniprogram_npm: build npm in the devtools first)",
                get(app.callPageMethod("padUnbuilt", PageEvent.tap())).asText());
    }

    @Test
    void a_file_beside_the_requiring_file_wins_over_a_package_of_the_same_name() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("miniprogram_npm/util/index.js", "module.exports = 'package';")
                .file("pages/index/util.js", "module.exports = 'beside';")
                .page("pages/index/index", "Page({ data: { v: require('util') } });")
                .write();
        assertEquals("beside", launch(project).pageData().get("v").asText());
    }
}
