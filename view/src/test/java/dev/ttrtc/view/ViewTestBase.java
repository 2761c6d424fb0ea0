package dev.ttrtc.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.runtime.PageEvent;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.ViewElement;
import dev.ttrtc.runtime.view.ViewListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One host per test class (the view module on its class path); instances closed after each test. */
abstract class ViewTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();
    static MiniProgramHost host;

    @TempDir
    Path dir;

    private final List<MiniProgram> launched = new ArrayList<>();

    @BeforeAll
    static void startHost() {
        // These tests are not about the watchdog: a busy shared machine must not fail them.
        host = MiniProgramHost.create(HostOptions.defaults().withTaskBudget(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @AfterEach
    void closeInstances() {
        launched.forEach(MiniProgram::close);
    }

    MiniProgram launch(Path project) throws LaunchException {
        return launch(LaunchOptions.builder(project));
    }

    MiniProgram launch(LaunchOptions.Builder options) throws LaunchException {
        MiniProgram program = host.launch(options.build());
        launched.add(program);
        return program;
    }

    /** A one-page project. */
    MiniProgram launchPage(String js, String ttml) throws LaunchException {
        return launch(Fixture.in(dir).page("pages/index/index", js, ttml).write());
    }

    /** A one-page project whose page uses one component, {@code <my-card>}. */
    MiniProgram launchWithCard(String pageJs, String pageTtml, String cardJs, String cardTtml) throws LaunchException {
        return launch(Fixture.in(dir).page("pages/index/index", pageJs, pageTtml)
                .file("pages/index/index.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}")
                .component("components/card/card", cardJs, cardTtml, "").write());
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static JsonNode call(MiniProgram app, String method) throws Exception {
        return get(app.callPageMethod(method, PageEvent.tap()));
    }

    /** Calls a component's method without arguments, as a tool would, and waits for its result. */
    static JsonNode call(ComponentHandle component, String method) throws Exception {
        return get(component.callMethod(method, JSON.createArrayNode()));
    }

    static ViewElement $(MiniProgram app, String selector) {
        return app.view().$(selector).orElseThrow(() -> new AssertionError("nothing matches " + selector));
    }

    /** The text of every element the selector finds, in document order. */
    static List<String> texts(MiniProgram app, String selector) {
        return app.view().$$(selector).stream().map(ViewElement::text).toList();
    }

    static HostEvent waitFor(MiniProgram app, Predicate<HostEvent> matcher) throws Exception {
        return app.events().waitFor(matcher, TIMEOUT);
    }

    static HostEvent waitForConsole(MiniProgram app, String text) throws Exception {
        return waitFor(app, e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().equals(text));
    }

    static List<String> console(MiniProgram app) {
        return app.events().snapshot(e -> e.kind() == HostEvent.Kind.CONSOLE).stream().map(HostEvent::text).toList();
    }

    static List<String> entries(MiniProgram app, HostEvent.Kind kind) {
        return app.events().snapshot(e -> e.kind() == kind).stream().map(HostEvent::text).toList();
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(5);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** Records patch ops as they arrive. */
    static final class RecordingListener implements ViewListener {
        final List<ObjectNode> ops = new CopyOnWriteArrayList<>();
        final List<List<ObjectNode>> batches = new CopyOnWriteArrayList<>();

        @Override
        public void onOps(List<ObjectNode> batch) {
            batches.add(batch);
            ops.addAll(batch);
        }

        List<String> kinds() {
            return ops.stream().map(o -> o.get("op").asText()).toList();
        }

        void clear() {
            ops.clear();
            batches.clear();
        }
    }

    static RecordingListener record(MiniProgram app) throws Exception {
        RecordingListener listener = new RecordingListener();
        app.view().addListener(listener);
        return listener;
    }
}
