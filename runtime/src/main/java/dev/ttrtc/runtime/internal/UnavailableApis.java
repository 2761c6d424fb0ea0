package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.runtime.ApiCatalogue;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiException;
import java.util.HashSet;
import java.util.Set;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The stand-ins for platform APIs that no module implements. Code written for the platform finds
 * them on {@code tt} and gets a clear failure instead of a {@code TypeError}: an async one fails
 * through fail/complete with errNo {@link ApiCatalogue#NOT_AVAILABLE_ERRNO}, a sync one throws an
 * {@code Error}, both with {@code "<name>:fail not available in tt-rtc-host"}; the first call of
 * each records an ERROR entry. A value is an empty frozen object. Loop thread only.
 */
final class UnavailableApis {
    static final String DETAIL = "not available in tt-rtc-host";

    private final ApiDispatcher dispatcher;
    private final Set<String> reported = new HashSet<>();

    UnavailableApis(ApiDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The host side of the stand-in for an async or sync API. */
    ProxyExecutable host(ApiCatalogue.PlatformApi api) {
        String name = api.name();
        if (api.form() == ApiEntry.Form.ASYNC) {
            return dispatcher.asyncHost(name, name, call -> {
                reportOnce(name);
                throw error();
            });
        }
        return dispatcher.syncHost(name, name, args -> {
            reportOnce(name);
            throw error();
        }, true);
    }

    /** The stand-in for a value. */
    Value value() {
        return dispatcher.js().frozen(JsonNodeFactory.instance.objectNode());
    }

    private static ApiException error() {
        return new ApiException(ApiCatalogue.NOT_AVAILABLE_ERRNO, DETAIL);
    }

    private void reportOnce(String name) {
        if (reported.add(name)) {
            dispatcher.errors().unavailable(name);
        }
    }
}
