package dev.ttrtc.runtime.internal.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "import a from './a';",
        "import { a, b as c } from './a'",
        "import * as ns from './a';",
        "import './side-effect';",
        "import\n  defaultThing\nfrom 'x'",
        "const x = 1; export default x;",
        "export const a = 1;",
        "export function f() {}",
        "export { a as b };",
        "export * from './x';",
        "'use strict';import a from'x';",
        "async function f() { return import('./lazy'); }",
        "const here = import.meta;",
        "/* header */\nexport class A {}",
    })
    void module_syntax_is_found(String source) {
        assertTrue(ModuleSyntax.usesModules(source), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "module.exports = { import: 1, export: 2 };",
        "const a = require('./a'); exports.b = a;",
        "// import a from './a';\nmodule.exports = 1;",
        "/* export default x */ module.exports = 1;",
        "const s = 'import a from \"x\"';",
        "const t = `export const ${name} = 1`;",
        "const r = /import x from/;",
        "const q = a / b / c; const y = obj.import(1); obj.export = 2;",
        "const re = /['\"]/g; export_x = 1; importer();",
        "if (ok) { return `${'import {x} from \"y\"'}`; }",
    })
    void commonjs_is_left_alone(String source) {
        assertFalse(ModuleSyntax.usesModules(source), source);
    }
}
