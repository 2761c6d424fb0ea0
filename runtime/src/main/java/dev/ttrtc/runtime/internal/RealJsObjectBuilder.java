package dev.ttrtc.runtime.internal;

import dev.ttrtc.runtime.api.ApiGuard;
import dev.ttrtc.runtime.api.AsyncApi;
import dev.ttrtc.runtime.api.JsEventChannel;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.SyncApi;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/** Builds a plain JS object whose methods are host APIs. */
final class RealJsObjectBuilder implements JsObjectBuilder {
    private final ApiDispatcher dispatcher;
    private final String typeName;
    private final Value object;
    private ApiGuard syncGuard = () -> { };

    RealJsObjectBuilder(ApiDispatcher dispatcher, String typeName) {
        this.dispatcher = dispatcher;
        this.typeName = typeName;
        this.object = dispatcher.js().newObject();
    }

    @Override
    public JsObjectBuilder async(String name, AsyncApi api) {
        object.putMember(name, dispatcher.asyncFunction(name, typeName + "." + name, api));
        return this;
    }

    @Override
    public JsObjectBuilder sync(String name, SyncApi api) {
        SyncApi guarded = args -> {
            syncGuard.check();
            return api.call(args);
        };
        object.putMember(name, dispatcher.syncFunction(name, typeName + "." + name, guarded));
        return this;
    }

    @Override
    public JsObjectBuilder value(String name, Object value) {
        object.putMember(name, dispatcher.toJs(value));
        return this;
    }

    @Override
    public JsObjectBuilder property(String name, SyncApi getter, SyncApi setter) {
        Value get = dispatcher.accessorFunction(name, typeName + "." + name, getter);
        Value set = setter == null ? dispatcher.js().undefined()
                : dispatcher.accessorFunction(name, typeName + "." + name, setter);
        dispatcher.js().defineAccessor(object, name, get, set);
        return this;
    }

    @Override
    public JsObjectBuilder guardSync(ApiGuard guard) {
        this.syncGuard = guard;
        return this;
    }

    @Override
    public JsObjectBuilder event(String onName, String offName, JsEventChannel channel) {
        sync(onName, args -> {
            channel.addFrom(args, 0);
            return null;
        });
        sync(offName, args -> {
            channel.removeFrom(args, 0);
            return null;
        });
        return this;
    }

    @Override
    public JsObject build() {
        return new ValueHandle(object);
    }
}
