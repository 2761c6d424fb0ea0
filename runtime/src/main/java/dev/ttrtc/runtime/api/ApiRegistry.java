package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code tt} object being assembled for one instance. */
public interface ApiRegistry {

    /** Defines {@code tt.<name>(params)}, an API answering through success/fail/complete. */
    void async(String name, AsyncApi api);

    /** Defines {@code tt.<name>(params)}, an API answering through success/fail/complete that returns a task object. */
    void task(String name, TaskApi api);

    /** Defines {@code tt.<name>(...args)}, an API that returns its result. */
    void sync(String name, SyncApi api);

    /** Defines {@code tt.<name>} as a property holding a frozen copy of {@code value} ({@code tt.env}). */
    void value(String name, JsonNode value);
}
