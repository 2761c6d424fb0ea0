package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.get;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.kind;
import static dev.ttrtc.runtime.Waits.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Projects written with ES modules run as the devtools compile them: to CommonJS, before the code runs. */
class EsModulesTest extends HostTestBase {

    @Test
    void default_named_namespace_imports_re_exports_and_export_star_work_across_files() throws Exception {
        MiniProgram app = launch(Fixtures.project("esm-app"));
        assertEquals(json("""
                {"greeting": "HELLO PAGE", "count": 2, "env": "test", "legacy": "legacy-1",
                 "endpoint": "https://api.example.com/v2/rooms", "base": "https://api.example.com",
                 "menu": ["rooms", "settings", "about"], "strict": true}"""), app.pageData());
        assertEquals(List.of(), errors(app));
    }

    @Test
    void an_imported_binding_is_live_as_in_es_modules() throws Exception {
        MiniProgram app = launch(Fixtures.project("esm-app"));
        // count was 2 after onLoad; the page reads the re-exported binding again after incrementing it.
        assertEquals(3, get(app.callPageMethod("countNow", PageEvent.tap())).asInt());
    }

    @Test
    void a_commonjs_file_runs_unchanged_next_to_es_modules() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("lib/old.js", "var self = this;\nexports.sloppy = (function () { return this === undefined; })();\n"
                        + "exports.thisIsExports = self === exports;")
                .page("pages/index/index", "import old from '../../lib/old';\nimport { sloppy } from '../../lib/old';\n"
                        + "Page({ data: { sloppy, thisIsExports: old.thisIsExports } });")
                .write();
        // Not compiled: `this` at the top is exports, and a plain function call is not strict.
        assertEquals(json("{\"sloppy\": false, \"thisIsExports\": true}"), launch(project).pageData());
    }

    @Test
    void a_cycle_between_es_modules_resolves_as_the_compiled_commonjs_does() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("lib/a.js", "import { b } from './b';\nexport const a = 'a';\nexport function both() { return a + b; }")
                .file("lib/b.js", "import { both } from './a';\nexport const b = 'b';\nexport function viaA() { return both(); }")
                .page("pages/index/index", "import { viaA } from '../../lib/b';\nPage({ data: { v: viaA() } });")
                .write();
        assertEquals("ab", launch(project).pageData().get("v").asText());
    }

    @Test
    void a_syntax_error_in_an_es_module_names_its_line_and_column() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/index/index", "import { x } from './x';\n\nPage({\n  data: { v: x },\n  onLoad() { if (x) { }} }\n});")
                .file("pages/index/x.js", "export const x = 1;")
                .write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("pages/index/index.js:6:1: SyntaxError: Expected \")\" but found \"}\"", e.getMessage());
    }

    @Test
    void a_syntax_error_in_a_required_es_module_names_that_file() throws Exception {
        Path project = ProjectFolder.in(dir)
                .page("pages/index/index", "import { x } from './x';\nPage({ data: { v: x } });")
                .file("pages/index/x.js", "export const x = ;\n")
                .write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertTrue(e.getMessage().matches("pages/index/index\\.js:1:\\d+: SyntaxError: pages/index/x\\.js:1:18: Unexpected \";\""),
                e.getMessage());
    }

    @Test
    void a_runtime_error_in_an_es_module_points_into_the_file_as_written() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("lib/util.js", "import config from './config';\n\nexport function read(obj) {\n  return obj.missing.deeper;\n}\n")
                .file("lib/config.js", "module.exports = {};")
                .page("pages/index/index", "import { read } from '../../lib/util';\n\nPage({\n  onTap() {\n"
                        + "    setTimeout(() => read({}), 0);\n  },\n  logIt() {\n    try { read({}); } catch (e) { console.error(e); }\n  },\n});")
                .write();
        MiniProgram app = launch(project);
        get(app.callPageMethod("onTap", PageEvent.tap()));
        HostEvent error = waitFor(app, kind(HostEvent.Kind.ERROR, "uncaught"));
        assertEquals("lib/util.js:4:10: Uncaught TypeError: Cannot read property 'deeper' of undefined", error.text());
        assertEquals("read (lib/util.js:4:10)", error.data().get("stack").get(0).asText());
        // The caller's frame: line 5 of the page (the column is the start of the mapped code there).
        assertTrue(error.data().get("stack").get(1).asText().matches(".*\\(pages/index/index\\.js:5:\\d+\\)"),
                error.data().get("stack").toString());

        get(app.callPageMethod("logIt", PageEvent.tap()));
        HostEvent logged = waitFor(app, kind(HostEvent.Kind.CONSOLE, "error"));
        assertTrue(logged.text().contains("at read (lib/util.js:4:10)"), logged.text());
    }
}
