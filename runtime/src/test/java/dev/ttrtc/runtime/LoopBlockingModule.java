package dev.ttrtc.runtime;

import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;

/**
 * Test double: {@code tt.blockLoop(ms)} holds the instance's loop thread for {@code ms} of wall
 * time without using CPU, as a loop thread waiting for a core on a busy machine does. Defined only
 * in launches that carry {@link Enabled} (found through ServiceLoader on the test class path).
 */
public final class LoopBlockingModule implements TtApiModule {
    /** The launch option that turns the API on. */
    public record Enabled() {
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        if (instance.extension(Enabled.class).isEmpty()) {
            return;
        }
        tt.sync("blockLoop", args -> {
            long millis = (long) args.number(0).orElse(0);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return millis;
        });
    }
}
