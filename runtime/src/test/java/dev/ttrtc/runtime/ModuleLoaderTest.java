package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModuleLoaderTest extends HostTestBase {

    private MiniProgram launchWith(ProjectFolder folder) throws Exception {
        return launch(folder.page("pages/index/index",
                "const lib = require('../../lib/index');\nPage({ data: { v: lib.value } });").write());
    }

    @Test
    void relative_paths_with_and_without_js_and_folders_with_index() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "const a = require('./a');\nconst b = require('./b.js');\n"
                        + "const c = require('./sub');\nexports.value = a + b + c;")
                .file("lib/a.js", "module.exports = 'a';")
                .file("lib/b.js", "module.exports = 'b';")
                .file("lib/sub/index.js", "module.exports = require('../c');")
                .file("lib/c.js", "module.exports = 'c';"));
        assertEquals(json("{\"v\":\"abc\"}"), app.pageData());
    }

    @Test
    void a_bare_path_is_relative_to_the_requiring_file_not_the_project_root() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/index/index", "const lib = require('../../lib/index');\n"
                        + "Page({ data: { v: lib.value, page: require('local') } });")
                .file("pages/index/local.js", "module.exports = 'page-local';")
                .file("lib/index.js", "exports.value = [require('helper'), require('util/x'), require('sub')].join();")
                .file("lib/helper.js", "module.exports = 'lib-helper';")
                .file("lib/util/x.js", "module.exports = 'lib-util-x';")
                .file("lib/sub/index.js", "module.exports = 'lib-sub';")
                // Same names at the root: a bare path must not find these.
                .file("helper.js", "module.exports = 'root-helper';")
                .file("util/x.js", "module.exports = 'root-util-x';")
                .file("local.js", "module.exports = 'root-local';")
                .write();
        MiniProgram app = launch(project);
        assertEquals(json("{\"v\":\"lib-helper,lib-util-x,lib-sub\",\"page\":\"page-local\"}"), app.pageData());
    }

    @Test
    void paths_starting_with_a_slash_are_relative_to_the_project_root() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "exports.value = require('/util/x').name;")
                .file("util/x.js", "exports.name = 'root';"));
        assertEquals("root", app.pageData().get("v").asText());
    }

    @Test
    void modules_are_cached_and_run_once() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "require('./count'); require('./count.js');\nexports.value = require('./count').runs;")
                .file("lib/count.js", "globalThis.__runs = (globalThis.__runs || 0) + 1;\nexports.runs = globalThis.__runs;"));
        assertEquals(1, app.pageData().get("v").asInt());
    }

    @Test
    void a_cycle_sees_partly_filled_exports_as_in_node() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "const a = require('./a');\nexports.value = a.seenB + '/' + a.done;")
                .file("lib/a.js", "exports.done = false;\nconst b = require('./b');\nexports.seenB = b.sawA;\nexports.done = true;")
                .file("lib/b.js", "const a = require('./a');\nexports.sawA = 'a.done=' + a.done;"));
        assertEquals("a.done=false/true", app.pageData().get("v").asText());
    }

    @Test
    void module_scope_is_private_and_this_is_exports() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "var secret = 1;\nexports.value = (this === exports) + ',' + (typeof __filename) + ',' + __dirname;"));
        assertEquals("true,string,lib", app.pageData().get("v").asText());
        assertEquals("undefined", eval(app, "typeof secret").asText());
    }

    @Test
    void json_files_can_be_required() throws Exception {
        MiniProgram app = launchWith(ProjectFolder.in(dir)
                .file("lib/index.js", "exports.value = require('./data.json').items.length;")
                .file("lib/data.json", "{\"items\": [1, 2, 3]}"));
        assertEquals(3, app.pageData().get("v").asInt());
    }

    @Test
    void a_missing_module_fails_clearly_with_the_requiring_file() throws Exception {
        Path project = ProjectFolder.in(dir).page("pages/index/index", "require('./nope');\nPage({});").write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("pages/index/index.js:1:1: Error: require: cannot find module \"./nope\" from pages/index/index.js",
                e.getMessage());
    }

    @Test
    void a_require_outside_the_project_folder_fails_clearly() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir.resolve("project")).page("pages/index/index",
                "Page({ tryEscape() { try { require('../../../../../../etc/passwd'); return 'loaded'; }"
                        + " catch (e) { return e.message; } } });").write());
        assertEquals("require: \"../../../../../../etc/passwd\" (from pages/index/index.js) is outside the project folder",
                Waits.get(app.callPageMethod("tryEscape", PageEvent.tap())).asText());
    }

    @Test
    void a_symbolic_link_out_of_the_project_cannot_be_required() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.js"), "module.exports = 'leaked';");
        Path project = ProjectFolder.in(dir.resolve("project")).page("pages/index/index",
                "Page({ tryLink() { try { return require('../../link'); } catch (e) { return e.message; } } });").write();
        Files.createSymbolicLink(project.resolve("link.js"), outside);
        MiniProgram app = launch(project);
        assertEquals("require: \"../../link\" (from pages/index/index.js) is outside the project folder",
                Waits.get(app.callPageMethod("tryLink", PageEvent.tap())).asText());
    }
}
