package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.ApiMock;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.AsyncApi;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.SyncApi;
import dev.ttrtc.runtime.api.TaskApi;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Assembles one instance's {@code tt} object from the API modules, puts mocks in place of the
 * APIs they replace, and answers {@code tt.canIUse} from the result.
 */
final class TtAssembler {
    /** Host rule: these names answer by returning, so a fixed-result mock returns its result. */
    private static final Pattern SYNC_NAME = Pattern.compile(".*Sync|canIUse|create[A-Z].*|get[A-Z].*(Manager|Context|Engine)");

    private sealed interface Definition permits Async, Task, Sync {
        String module();
    }

    private record Async(String module, AsyncApi api) implements Definition {
    }

    private record Task(String module, TaskApi api) implements Definition {
    }

    private record Sync(String module, SyncApi api) implements Definition {
    }

    private final ApiDispatcher dispatcher;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    TtAssembler(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Builds {@code tt}: every module's APIs, then the mocks over them. */
    Value assemble(List<TtApiModule> modules, InstanceContext instance, Map<String, ApiMock> mocks)
            throws LaunchException {
        for (TtApiModule module : modules) {
            String moduleName = module.getClass().getSimpleName();
            module.install(instance, new ApiRegistry() {
                @Override
                public void async(String name, AsyncApi api) {
                    define(name, new Async(moduleName, api));
                }

                @Override
                public void task(String name, TaskApi api) {
                    define(name, new Task(moduleName, api));
                }

                @Override
                public void sync(String name, SyncApi api) {
                    define(name, new Sync(moduleName, api));
                }
            });
        }
        define("canIUse", new Sync("TtAssembler", args -> canIUse(args.string(0).orElse(""), mocks)));
        Value tt = dispatcher.js().newObject();
        for (Map.Entry<String, Definition> entry : definitions.entrySet()) {
            String name = entry.getKey();
            Definition definition = entry.getValue();
            if (!mocks.containsKey(name)) {
                tt.putMember(name, function(name, definition));
            }
        }
        for (Map.Entry<String, ApiMock> entry : mocks.entrySet()) {
            tt.putMember(entry.getKey(), mockFunction(entry.getKey(), entry.getValue()));
        }
        return tt;
    }

    private Value function(String name, Definition definition) {
        if (definition instanceof Async a) {
            return dispatcher.asyncFunction(name, name, a.api());
        }
        if (definition instanceof Task t) {
            return dispatcher.taskFunction(name, name, t.api());
        }
        return dispatcher.syncFunction(name, name, ((Sync) definition).api());
    }

    private void define(String name, Definition definition) {
        Definition previous = definitions.putIfAbsent(name, definition);
        if (previous != null) {
            throw new IllegalStateException("tt." + name + " is defined by both " + previous.module()
                    + " and " + definition.module());
        }
    }

    private boolean canIUse(String schema, Map<String, ApiMock> mocks) {
        String api = schema.split("\\.", 2)[0];
        return definitions.containsKey(api) || mocks.containsKey(api);
    }

    private boolean answersSynchronously(String name) {
        Definition real = definitions.get(name);
        return real != null ? real instanceof Sync : SYNC_NAME.matcher(name).matches();
    }

    private Value mockFunction(String name, ApiMock mock) throws LaunchException {
        if (mock instanceof ApiMock.JsFunction js) {
            Value function;
            try {
                function = dispatcher.js().evalGlobal("(" + js.source() + "\n)");
            } catch (PolyglotException e) {
                throw new LaunchException("mock for tt." + name + ": " + JsError.of(e).message());
            }
            if (!function.canExecute()) {
                throw new LaunchException("mock for tt." + name + " is not a function");
            }
            return dispatcher.js().function(name, (ProxyExecutable) args -> {
                dispatcher.log().record(HostEvent.Kind.API_CALL, name, name + " (mocked)", null);
                return function.execute((Object[]) args);
            });
        }
        JsonNode result = ((ApiMock.FixedResult) mock).result();
        if (answersSynchronously(name)) {
            return dispatcher.syncFunction(name, name, args -> result);
        }
        return dispatcher.asyncFunction(name, name, call -> answerWith(call, result));
    }

    private static void answerWith(ApiCall call, JsonNode result) throws ApiException {
        String errMsg = result.path("errMsg").asText("");
        int failAt = errMsg.indexOf(":fail");
        if (failAt >= 0) {
            String detail = errMsg.substring(failAt + ":fail".length()).trim();
            throw new ApiException(result.path("errNo").asInt(ApiErrors.INTERNAL_ERROR), detail);
        }
        call.succeed(result.isObject() ? ((ObjectNode) result).deepCopy() : null);
    }
}
