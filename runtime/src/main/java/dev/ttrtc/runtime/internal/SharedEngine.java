package dev.ttrtc.runtime.internal;

import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * The one GraalJS engine of the JVM and the sandboxed contexts made from it. Sharing the engine
 * shares parsed code: a context then costs milliseconds instead of a second.
 *
 * <p>Every context runs under {@link SandboxPolicy#CONSTRAINED}: no host class lookup, no host
 * object access beyond proxies, no IO, threads, processes, native access or environment.
 * Mini-program code reaches only what the host exports as proxy functions.
 */
final class SharedEngine {
    private static final class Holder {
        static final Engine ENGINE = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    private SharedEngine() {
    }

    /** The host's own scripts every instance runs, in the order it runs them. */
    private static final List<String> HOST_SCRIPTS = List.of("bootstrap.js", "component-definitions.js",
            "selector-query.js", "animation.js", "components.js", "framework.js", "sjs.js");

    /**
     * Creates the engine now unless it exists (a cold JVM takes about a second), and parses the
     * host's own scripts in a context from it: the engine keeps their parsed code (their Sources
     * live as long as the JVM) for every later context, so the first launch no longer pays for it.
     */
    static void warmUp() {
        try (Context context = newContext()) {
            HOST_SCRIPTS.forEach(script -> context.parse(JsBridge.hostSource(script)));
        }
    }

    /** A fresh sandboxed JS context in UTC and {@code en-US}; use it from one thread at a time. */
    public static Context newContext() {
        return newContext(ZoneOffset.UTC, Locale.US);
    }

    /**
     * A fresh sandboxed JS context that sees {@code zone} and {@code locale} (Date, Intl, the
     * {@code toLocale…String} methods) instead of the host's: the JVM's own time zone and locale
     * say where the host runs and stay outside the sandbox. Use it from one thread at a time.
     */
    public static Context newContext(ZoneId zone, Locale locale) {
        return Context.newBuilder("js")
                .engine(Holder.ENGINE)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .timeZone(zone)
                .option("js.locale", locale.toLanguageTag())
                .option("js.unhandled-rejections", "handler")
                // Shell conveniences that CONSTRAINED leaves in place; mini-programs have none of them.
                .option("js.load", "false")
                .option("js.print", "false")
                .build();
    }
}
