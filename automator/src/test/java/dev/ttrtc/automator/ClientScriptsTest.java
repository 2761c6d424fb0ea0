package dev.ttrtc.automator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ttrtc.runtime.LaunchOptions;
import dev.ttrtc.runtime.MiniProgram;
import dev.ttrtc.runtime.MiniProgramHost;
import dev.ttrtc.testkit.NodeClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real miniprogram-automator 0.12.1 scripts (installed from npm with npm ci) drive the sample
 * mini-program, and a project with a custom component, through the endpoint.
 */
class ClientScriptsTest {
    private static final Path SAMPLE = Path.of("..", "sample-miniapp");
    private static final Path COUNTER_APP = Path.of("src", "test", "resources", "counter-app");

    @Test
    void the_lobby_script_runs_unchanged_against_the_sample() throws Exception {
        NodeClient.install(NodeClient.AUTOMATOR_SCRIPTS);
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram program = host.launch(LaunchOptions.builder(SAMPLE).build());
            try (AutomatorServer server = AutomatorServer.start(0, program)) {
                NodeClient.Run run = NodeClient.node("lobby.js", Duration.ofMinutes(5), server.uri().toString());
                System.out.println(run.output());
                assertEquals(0, run.exitCode(), run.output());
                for (String check : List.of("ok systemInfo and currentPage", "ok element queries, text, attributes, wxml",
                        "ok input types into the page", "ok tap a switch", "ok mock an API with a result, call it, restore it",
                        "ok a function mock reports through an exposed function when Join is tapped", "ok evaluate in the app",
                        "ok console and exception events", "ok errors: evaluate throws, unknown page method, unsupported devtools method",
                        "ok screenshot", "ok navigation: navigateTo, pageStack, navigateBack, reLaunch", "done")) {
                    assertTrue(run.output().contains(check + "\n"), () -> "missing '" + check + "' in:\n" + run.output());
                }
            }
        }
    }

    @Test
    void the_component_script_reaches_a_custom_component() throws Exception {
        NodeClient.install(NodeClient.AUTOMATOR_SCRIPTS);
        try (MiniProgramHost host = MiniProgramHost.create()) {
            MiniProgram program = host.launch(LaunchOptions.builder(COUNTER_APP).build());
            try (AutomatorServer server = AutomatorServer.start(0, program)) {
                NodeClient.Run run = NodeClient.node("components.js", Duration.ofMinutes(5), server.uri().toString());
                System.out.println(run.output());
                assertEquals(0, run.exitCode(), run.output());
                for (String check : List.of("ok a custom component element", "ok component data with and without a path",
                        "ok component setData renders", "ok component callMethod", "done")) {
                    assertTrue(run.output().contains(check + "\n"), () -> "missing '" + check + "' in:\n" + run.output());
                }
            }
        }
    }
}
