package dev.ttrtc.runtime;

import static dev.ttrtc.runtime.Waits.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Escape attempts from mini-program code; every one must find nothing of the host. */
class SandboxTest extends HostTestBase {

    private MiniProgram app(String name) throws LaunchException {
        Path project = ProjectFolder.in(dir.resolve(name)).page("pages/index/index", "Page({});").write();
        return launch(project);
    }

    /** Runs {@code attempt} and answers what it threw, or "reached: ..." when it got somewhere. */
    private String attempt(MiniProgram app, String attempt) throws Exception {
        return eval(app, "(() => { try { const r = (" + attempt + "); return 'reached: ' + typeof r; }"
                + " catch (e) { return 'blocked: ' + e.name; } })()").asText();
    }

    @Test
    void host_classes_and_the_polyglot_api_are_not_reachable() throws Exception {
        MiniProgram app = app("a");
        assertEquals("blocked: ReferenceError", attempt(app, "Java.type('java.lang.Runtime')"));
        assertEquals("blocked: ReferenceError", attempt(app, "Polyglot.eval('js', '1')"));
        assertEquals("blocked: ReferenceError", attempt(app, "Packages.java.lang.System"));
        assertEquals("blocked: ReferenceError", attempt(app, "java.lang.System.exit(1)"));
        assertEquals("blocked: ReferenceError", attempt(app, "load('/etc/passwd')"));
        assertEquals("blocked: ReferenceError", attempt(app, "loadWithNewGlobal({ script: '1' })"));
        assertEquals("blocked: ReferenceError", attempt(app, "Graal.versionGraalVM"));
        assertEquals("blocked: ReferenceError", attempt(app, "process.env"));
        assertEquals("blocked: ReferenceError", attempt(app, "print('x')"));
    }

    @Test
    void the_global_object_holds_only_ecmascript_and_the_mini_program_globals() throws Exception {
        MiniProgram app = app("b");
        String names = eval(app, "Object.getOwnPropertyNames(Function('return this')())"
                + ".filter(n => !/^[A-Z]/.test(n)).sort().join(',')").asText();
        assertEquals("clearInterval,clearTimeout,console,decodeURI,decodeURIComponent,encodeURI,encodeURIComponent,escape,"
                + "eval,getApp,getCurrentPages,global,globalThis,isFinite,isNaN,parseFloat,parseInt,queueMicrotask,setInterval,"
                + "setTimeout,tt,undefined,unescape", names);
    }

    @Test
    void host_functions_reveal_no_java_object() throws Exception {
        MiniProgram app = app("c");
        assertEquals("function,undefined,undefined,undefined",
                eval(app, "[typeof tt.showToast, typeof tt.showToast.getClass, typeof tt.getClass,"
                        + " typeof Object.getPrototypeOf(tt.showToast).getClass].join()").asText());
        assertEquals("blocked: TypeError", attempt(app, "tt.showToast.constructor('return this')().Java.type('x')"));
    }

    @Test
    void a_java_exception_never_reaches_js() throws Exception {
        MiniProgram app = app("d");
        // A getter that throws mid-call is JS's own error, not a host exception.
        assertEquals("Error: from getter",
                eval(app, "try { tt.showToast({ get title() { throw new Error('from getter'); } }); 'no' } catch (e) { String(e) }").asText());
    }

    @Test
    void prototype_changes_and_tt_changes_stay_in_their_instance() throws Exception {
        MiniProgram polluter = app("e");
        MiniProgram other = app("f");
        eval(polluter, "Object.prototype.polluted = 'yes'; Array.prototype.map = null; tt.showToast = () => 'hijacked';"
                + " Object.getPrototypeOf(tt).extra = 1; JSON.stringify = () => 'broken';");
        assertEquals("undefined,function,function,undefined",
                eval(other, "[typeof ({}).polluted, typeof [].map, typeof tt.showToast, typeof tt.extra].join()").asText());
        assertEquals("undefined", eval(other, "String(tt.showToast({ title: 'real' }))").asText());
        // The polluting instance's own host helpers keep the original JSON.
        assertEquals("{\"a\":1}", eval(polluter, "({ a: 1 })").toString());
    }
}
