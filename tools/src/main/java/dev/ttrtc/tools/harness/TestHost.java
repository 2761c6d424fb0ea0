package dev.ttrtc.tools.harness;

import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptFunction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The Java side of the {@code t} object of one driver context: the natives {@code harness.js}
 * calls, in groups (the test's own scope, instances, their rendered pages, Java participants)
 * sharing one handle table. Natives run on the driver's loop thread; slow work goes to a worker
 * pool and answers back on the loop ({@link Replies}).
 */
final class TestHost {
    private final Handles handles = new Handles();
    private final Map<String, ScriptFunction> natives = new HashMap<>();

    TestHost(ScriptContext script, Path baseDir, MiniProgramHost host, Executor workers) {
        Replies replies = new Replies(script, workers);
        new ScopeNatives(handles, replies).addTo(natives);
        new InstanceNatives(handles, replies, baseDir, host).addTo(natives);
        new ViewNatives(handles, replies, baseDir).addTo(natives);
        new RemoteNatives(handles, replies).addTo(natives);
    }

    /** Registers a test's scope; the test's handles are its own. Loop thread only. */
    int register(TestScope scope) {
        return handles.registerScope(scope);
    }

    /** Forgets a test's scope and every handle it made. Loop thread only. */
    void forget(int scopeHandle) {
        handles.forgetScope(scopeHandle);
    }

    /** The natives {@code harness.js} calls, by name. */
    Map<String, ScriptFunction> natives() {
        return natives;
    }
}
