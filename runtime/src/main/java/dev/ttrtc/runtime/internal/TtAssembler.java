package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.ApiCatalogue;
import dev.ttrtc.runtime.ApiMock;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiEntry.Form;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.AsyncApi;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.SyncApi;
import dev.ttrtc.runtime.api.TaskApi;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.BuiltinApis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Assembles one instance's {@code tt} object from the API modules, adds a "not available"
 * stand-in for every platform API no module implements, puts mocks in place of the APIs they
 * replace, and answers {@code tt.canIUse} from the result: true for what a module implements or a
 * mock replaces, false for the stand-ins and for names that are no API.
 */
final class TtAssembler {
    /** Host rule: these names answer by returning, so a fixed-result mock returns its result. */
    private static final Pattern SYNC_NAME = Pattern.compile(".*Sync|canIUse|create[A-Z].*|get[A-Z].*(Manager|Context|Engine)");

    private sealed interface Definition permits Async, Task, Sync, Constant {
        String module();

        Form form();
    }

    private record Async(String module, AsyncApi api) implements Definition {
        @Override
        public Form form() {
            return Form.ASYNC;
        }
    }

    private record Task(String module, TaskApi api) implements Definition {
        @Override
        public Form form() {
            return Form.ASYNC;
        }
    }

    private record Sync(String module, SyncApi api) implements Definition {
        @Override
        public Form form() {
            return Form.SYNC;
        }
    }

    private record Constant(String module, JsonNode value) implements Definition {
        @Override
        public Form form() {
            return Form.VALUE;
        }
    }

    private final ApiDispatcher dispatcher;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();

    TtAssembler(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Builds {@code tt}: every module's APIs, the stand-ins for the rest of the platform's, then the mocks. */
    Value assemble(List<TtApiModule> modules, InstanceContext instance, Map<String, ApiMock> mocks)
            throws LaunchException {
        for (TtApiModule module : modules) {
            String moduleName = module.getClass().getSimpleName();
            Map<String, Form> installed = new LinkedHashMap<>();
            module.install(instance, new ApiRegistry() {
                @Override
                public void async(String name, AsyncApi api) {
                    define(name, new Async(moduleName, api));
                    installed.put(name, Form.ASYNC);
                }

                @Override
                public void task(String name, TaskApi api) {
                    define(name, new Task(moduleName, api));
                    installed.put(name, Form.ASYNC);
                }

                @Override
                public void sync(String name, SyncApi api) {
                    define(name, new Sync(moduleName, api));
                    installed.put(name, Form.SYNC);
                }

                @Override
                public void value(String name, JsonNode value) {
                    define(name, new Constant(moduleName, value.deepCopy()));
                    installed.put(name, Form.VALUE);
                }
            });
            checkDeclarations(module, moduleName, installed);
        }
        define("canIUse", new Sync(BuiltinApis.ASSEMBLER, args -> canIUse(args.string(0).orElse(""), mocks)));
        Value tt = dispatcher.js().newObject();
        List<String> names = new ArrayList<>();
        List<ProxyExecutable> hosts = new ArrayList<>();
        for (Map.Entry<String, Definition> entry : definitions.entrySet()) {
            String name = entry.getKey();
            Definition definition = entry.getValue();
            if (mocks.containsKey(name)) {
                continue;
            }
            if (definition instanceof Constant c) {
                tt.putMember(name, dispatcher.js().frozen(c.value()));
            } else {
                names.add(name);
                hosts.add(host(name, definition));
            }
        }
        UnavailableApis unavailable = new UnavailableApis(dispatcher);
        for (ApiCatalogue.PlatformApi api : ApiCatalogue.platformApis()) {
            if (definitions.containsKey(api.name()) || mocks.containsKey(api.name())) {
                continue;
            }
            if (api.form() == Form.VALUE) {
                tt.putMember(api.name(), unavailable.value());
            } else {
                names.add(api.name());
                hosts.add(unavailable.host(api));
            }
        }
        dispatcher.js().defineFunctions(tt, names, hosts);
        for (Map.Entry<String, ApiMock> entry : mocks.entrySet()) {
            tt.putMember(entry.getKey(), mockFunction(entry.getKey(), entry.getValue()));
        }
        return tt;
    }

    private ProxyExecutable host(String name, Definition definition) {
        if (definition instanceof Async a) {
            return dispatcher.asyncHost(name, name, a.api());
        }
        if (definition instanceof Task t) {
            return dispatcher.taskHost(name, name, t.api());
        }
        return dispatcher.syncHost(name, name, ((Sync) definition).api(), true);
    }

    /** A module that declares its APIs must declare exactly what it installs, in the form it installs it. */
    private static void checkDeclarations(TtApiModule module, String moduleName, Map<String, Form> installed) {
        List<ApiEntry> declared = module.apis();
        if (declared.isEmpty()) {
            return;
        }
        Map<String, Form> declaredForms = new LinkedHashMap<>();
        declared.forEach(api -> declaredForms.put(api.name(), api.form()));
        if (!declaredForms.equals(installed)) {
            throw new IllegalStateException(moduleName + " installs " + installed + " but declares " + declaredForms
                    + " in apis()");
        }
    }

    private void define(String name, Definition definition) {
        Definition previous = definitions.putIfAbsent(name, definition);
        if (previous != null) {
            throw new IllegalStateException("tt." + name + " is defined by both " + previous.module()
                    + " and " + definition.module());
        }
    }

    /** Host rule: only the first segment (the API) is checked; object types and components answer false. */
    private boolean canIUse(String schema, Map<String, ApiMock> mocks) {
        String api = schema.split("\\.", 2)[0];
        return definitions.containsKey(api) || mocks.containsKey(api);
    }

    private boolean answersSynchronously(String name) {
        Definition real = definitions.get(name);
        if (real != null) {
            return real instanceof Sync;
        }
        return ApiCatalogue.platformApis().stream().filter(api -> api.name().equals(name)).findFirst()
                .map(api -> api.form() != Form.ASYNC)
                .orElseGet(() -> SYNC_NAME.matcher(name).matches());
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
