package dev.ttrtc.runtime.api;

import java.util.List;

/**
 * Adds APIs to the {@code tt} object of every instance. Implementations are found with
 * {@link java.util.ServiceLoader}; list them in {@code META-INF/services/dev.ttrtc.runtime.api.TtApiModule}.
 *
 * <p>One module object serves every instance of the JVM, so it keeps per-instance state in what
 * {@link #install} creates, never in its own fields.
 */
public interface TtApiModule {

    /**
     * Defines this module's APIs for one instance. Called on that instance's loop thread while it
     * starts, before any project code runs.
     */
    void install(InstanceContext instance, ApiRegistry tt);

    /**
     * Declares the APIs {@link #install} defines, for the host's API catalogue (canIUse, the
     * "not available" stand-ins, docs/apis.md). A module that declares anything must declare
     * exactly what it installs: the host refuses to start an instance otherwise. A module that
     * declares nothing still works, but its APIs are missing from the catalogue and the docs.
     */
    default List<ApiEntry> apis() {
        return List.of();
    }
}
