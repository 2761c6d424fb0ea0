package dev.ttrtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ttrtc.runtime.script.ScriptContext;
import dev.ttrtc.runtime.script.ScriptFunction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a tool's script sees when a Java function it calls throws. */
class ScriptContextTest {
    private static final String HOST_FAILED =
            "tt-rtc-host failed to answer this call (a bug in the host; its log has the details)";

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final ScriptContext script = ScriptContext.open("tt-test-script", line -> { }, errors::add);

    @AfterEach
    void close() {
        script.close();
    }

    @Test
    void a_refusal_reaches_the_script_as_an_error_with_its_reason() throws Exception {
        assertEquals("Error: unsupported selector \"a::b\"", thrownBy(args -> {
            throw new IllegalArgumentException("unsupported selector \"a::b\"");
        }));
    }

    @Test
    void java_wording_never_reaches_the_script() throws Exception {
        assertEquals("Error: " + HOST_FAILED, thrownBy(args -> Integer.parseInt("x")));
        assertEquals("Error: " + HOST_FAILED, thrownBy(args -> Pattern.compile("(")));
        assertEquals("Error: " + HOST_FAILED, thrownBy(args -> ((Object) "a").getClass().cast(1)));
        assertEquals(List.of(), errors);
    }

    /** Calls {@code function} from JS and answers what the JS caught, as {@code String(e)}. */
    private String thrownBy(ScriptFunction function) throws Exception {
        CompletableFuture<String> caught = new CompletableFuture<>();
        script.execute(() -> {
            try {
                caught.complete(script.eval("(f) => { try { f(); return 'nothing'; } catch (e) { return String(e); } }",
                        "probe.js").call(function).asString());
            } catch (RuntimeException e) {
                caught.completeExceptionally(e);
            }
        });
        return caught.get(60, TimeUnit.SECONDS);
    }
}
