package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.errors;
import static dev.ttrtc.runtime.Waits.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** TypeScript projects (project.config.json useCompilerPlugins ["typescript"]) run from their .ts files. */
class TypeScriptTest extends HostTestBase {
    private static final String TS_CONFIG = "{\"setting\": {\"useCompilerPlugins\": [\"typescript\"]}}";

    @Test
    void app_and_pages_in_typescript_with_tsconfig_paths_and_a_javascript_page() throws Exception {
        MiniProgram app = launch(Fixtures.project("ts-app"));
        Eventually.await("app.pageData().has(\"members\")", () -> app.pageData().has("members"));
        assertEquals(json("{\"phase\": \"joined\", \"title\": \"lobby/r1\", \"members\": \"alice, bob\"}"), app.pageData());
        assertEquals(List.of(), errors(app));

        MiniProgram about = launch(LaunchOptions.builder(Fixtures.project("ts-app")).page("pages/about/about"));
        assertEquals(json("{\"text\": \"x+y\"}"), about.pageData());
    }

    @Test
    void a_runtime_error_in_typescript_points_into_the_ts_file() throws Exception {
        MiniProgram app = launch(Fixtures.project("ts-app"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> Waits.get(app.callPageMethod("explode", PageEvent.tap())));
        ScriptError error = (ScriptError) e.getCause();
        assertTrue(error.location().startsWith("pages/room/room.ts:34:"), error.getMessage());
        assertTrue(error.jsStack().get(0).matches("explode \\(pages/room/room\\.ts:34:\\d+\\)"), error.jsStack().toString());
        HostEvent reported = errors(app).get(0);
        assertTrue(reported.text().startsWith("pages/room/room.ts:34:"), reported.text());
    }

    @Test
    void a_syntax_error_in_a_ts_page_names_the_line_and_column_in_the_ts_file() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("project.config.json", TS_CONFIG)
                .file("app.json", "{\"pages\": [\"pages/index/index\"]}")
                .file("pages/index/index.ts", "interface Data {\n  n: number;\n}\nconst data: Data = { n: 1 };\n"
                        + "Page({ data, onLoad(): void { const x: number = ; } });\n")
                .write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("pages/index/index.ts:5:49: SyntaxError: Unexpected \";\"", e.getMessage());
    }

    @Test
    void ts_files_are_not_part_of_a_project_that_does_not_enable_typescript() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("app.json", "{\"pages\": [\"pages/index/index\"]}")
                .file("pages/index/index.ts", "Page({});")
                .write();
        LaunchException e = assertThrows(LaunchException.class, () -> launch(project));
        assertEquals("app.json lists page \"pages/index/index\" but pages/index/index.js does not exist (pages/index/index.ts "
                + "is there, but TypeScript is off: add \"useCompilerPlugins\": [\"typescript\"] to \"setting\" in "
                + "project.config.json)", e.getMessage());
    }

    @Test
    void script_file_prefers_js_and_finds_ts_only_where_typescript_is_on() throws Exception {
        Path withTs = ProjectFolder.in(dir.resolve("ts")).file("project.config.json", TS_CONFIG)
                .file("components/card/card.ts", "Component({});").file("components/both/both.js", "")
                .file("components/both/both.ts", "").page("pages/index/index", "Page({});").write();
        Path withoutTs = ProjectFolder.in(dir.resolve("js")).file("components/card/card.ts", "")
                .page("pages/index/index", "Page({});").write();
        var ts = dev.ttrtc.runtime.internal.Project.load(withTs);
        var js = dev.ttrtc.runtime.internal.Project.load(withoutTs);
        assertEquals("components/card/card.ts", ts.scriptFile("components/card/card").orElseThrow());
        assertEquals("components/card/card.ts", ts.scriptFile("/components/card/card").orElseThrow());
        assertEquals("components/both/both.js", ts.scriptFile("components/both/both").orElseThrow());
        assertTrue(js.scriptFile("components/card/card").isEmpty());
        assertTrue(ts.scriptFile("../outside").isEmpty());
    }

    @Test
    void typescript_only_syntax_and_newer_syntax_compile() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("project.config.json", TS_CONFIG)
                .file("app.json", "{\"pages\": [\"pages/index/index\"]}")
                .file("app.ts", "App({});")
                .file("pages/index/index.ts", String.join("\n",
                        "namespace Units { export const unit = 'px'; }",
                        "abstract class Shape { abstract area(): number; }",
                        "class Square extends Shape { constructor(private readonly side: number) { super(); }"
                                + " area() { return this.side ** 2; } }",
                        "function sized(): { size: number } { using guard = { [Symbol.dispose]() {} }; return { size: 2 }; }",
                        "const shapes = <const>[new Square(3)];",
                        "Page({ data: { area: shapes[0].area(), unit: Units.unit, size: sized().size satisfies number } });"))
                .write();
        assertEquals(json("{\"area\": 9, \"unit\": \"px\", \"size\": 2}"), launch(project).pageData());
    }

    @Test
    void tsconfig_extends_and_base_url_resolve_bare_module_names() throws Exception {
        Path project = ProjectFolder.in(dir)
                .file("project.config.json", TS_CONFIG)
                .file("tsconfig.base.json", "{ \"compilerOptions\": { \"baseUrl\": \"./src\", \"paths\": { \"~lib/*\": [\"shared/*\"] } } }")
                .file("tsconfig.json", "{ \"extends\": \"./tsconfig.base.json\", \"compilerOptions\": { \"strict\": true } }")
                .file("src/shared/names.ts", "export const names: string[] = ['a', 'b'];")
                .file("src/models/room.ts", "export class Room { constructor(readonly id: string) {} }")
                .file("app.json", "{\"pages\": [\"pages/index/index\"]}")
                .file("pages/index/index.ts", "import { names } from '~lib/names';\nimport { Room } from 'models/room';\n"
                        + "Page({ data: { names, room: new Room('r').id } });")
                .write();
        assertEquals(json("{\"names\": [\"a\", \"b\"], \"room\": \"r\"}"), launch(project).pageData());
    }
}
