package dev.ttrtc.bench.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * j-component (through miniprogram-simulate, in jsdom under node): the reference renderer of the
 * view benchmark, installed from npm at exact versions into a folder under bench/target on first
 * use. Needs {@code node} and {@code npm} on the PATH.
 */
final class JComponent {
    static final List<String> PACKAGES = List.of("miniprogram-simulate@1.6.2", "j-component@1.4.10", "jsdom@29.1.1",
            "global-jsdom@29.0.0");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private JComponent(Path dir) {
        this.dir = dir;
    }

    /** Installs the packages and the runner script under {@code dir} unless they are there. */
    static JComponent install(Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir.resolve("node_modules/miniprogram-simulate"))) {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save",
                    "--prefix", dir.toString()));
            command.addAll(PACKAGES);
            Process npm = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                throw new IOException("npm install of " + PACKAGES + " failed: " + output);
            }
        }
        try (InputStream script = JComponent.class.getResourceAsStream("jcomponent-patch.js")) {
            Files.write(dir.resolve("jcomponent-patch.js"), script.readAllBytes());
        }
        return new JComponent(dir);
    }

    /** Runs one case: per-step times, early and warm ({@link PatchTimes}). */
    PatchTimes run(PatchCase patchCase, int warmup, int warmSeconds, int samples) throws IOException, InterruptedException {
        ObjectNode spec = JSON.createObjectNode()
                .put("wxml", patchCase.template().replace("tt:", "wx:").replace("<sjs ", "<wxs ").replace("</sjs>", "</wxs>"))
                .put("initialData", patchCase.initialData()).put("update", patchCase.update())
                .put("check", patchCase.check()).put("warmup", warmup).put("samples", samples);
        for (int burst = 0; burst < PatchTimes.BURSTS; burst++) {
            spec.withArray("bursts").addObject().put("start", PatchTimes.burstStart(warmSeconds, burst))
                    .put("samples", PatchTimes.burstSamples(samples, burst));
        }
        Process node = new ProcessBuilder("node", "jcomponent-patch.js").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(JSON.writeValueAsBytes(spec));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.waitFor() != 0) {
            throw new IOException("j-component run of " + patchCase.name() + " failed");
        }
        JsonNode result = JSON.readTree(output);
        return new PatchTimes(times(result.get("early_ms")), times(result.get("warm_ms")));
    }

    private static List<Double> times(JsonNode samples) {
        List<Double> times = new ArrayList<>();
        samples.forEach(v -> times.add(v.asDouble()));
        return times;
    }
}
