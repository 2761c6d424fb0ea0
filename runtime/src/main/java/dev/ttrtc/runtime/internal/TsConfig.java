package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ttrtc.runtime.LaunchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a TypeScript project's {@code tsconfig.json} the host needs at run time: module
 * names mapped by {@code compilerOptions.paths} and {@code baseUrl} (the compiler leaves import
 * paths as written, so {@code require('@/utils/x')} is resolved here, as TypeScript resolves it).
 * Comments and trailing commas are allowed, as in TypeScript; {@code extends} is followed for
 * files inside the project.
 */
final class TsConfig {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final int MAX_EXTENDS = 8;

    private final Path file;
    private final Optional<Path> baseUrl;
    /** Pattern (with at most one {@code *}) → target patterns, as absolute path patterns. */
    private final Map<String, List<String>> paths;

    private TsConfig(Path file, Optional<Path> baseUrl, Map<String, List<String>> paths) {
        this.file = file;
        this.baseUrl = baseUrl;
        this.paths = paths;
    }

    /** The tsconfig.json beside app.js, else the one in the project folder (above miniprogramRoot). */
    static Optional<TsConfig> find(Path sourceRoot, Path projectFolder) throws LaunchException {
        for (Path dir : List.of(sourceRoot, projectFolder)) {
            Path candidate = dir.resolve("tsconfig.json");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(read(candidate, projectFolder));
            }
        }
        return Optional.empty();
    }

    private static TsConfig read(Path file, Path projectFolder) throws LaunchException {
        Optional<Path> baseUrl = Optional.empty();
        Map<String, List<String>> paths = null;
        Path pathsBase = null;
        Path current = file;
        // The nearest file wins for each option; extends chains toward the base configuration.
        for (int depth = 0; current != null && depth < MAX_EXTENDS; depth++) {
            JsonNode config = parse(current, projectFolder);
            JsonNode options = config.path("compilerOptions");
            Path dir = current.getParent();
            if (baseUrl.isEmpty() && options.hasNonNull("baseUrl")) {
                baseUrl = Optional.of(dir.resolve(options.get("baseUrl").asText()).normalize());
            }
            if (paths == null && options.path("paths").isObject()) {
                paths = new LinkedHashMap<>();
                for (var entries = options.get("paths").fields(); entries.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    List<String> targets = new ArrayList<>();
                    entry.getValue().forEach(t -> targets.add(t.asText()));
                    paths.put(entry.getKey(), targets);
                }
                pathsBase = dir;
            }
            current = extended(config, dir, projectFolder);
        }
        Map<String, List<String>> absolute = new LinkedHashMap<>();
        if (paths != null) {
            // Targets are relative to baseUrl, or (TypeScript 4.1+) to the file that declares paths.
            Path base = baseUrl.orElse(pathsBase);
            paths.forEach((pattern, targets) -> absolute.put(pattern,
                    targets.stream().map(t -> base.resolve(t).normalize().toString()).toList()));
        }
        return new TsConfig(file, baseUrl, absolute);
    }

    private static Path extended(JsonNode config, Path dir, Path projectFolder) {
        if (!config.path("extends").isTextual()) {
            return null;
        }
        String name = config.get("extends").asText();
        Path target = dir.resolve(name.endsWith(".json") ? name : name + ".json").normalize();
        // Package configs (extends: "@tsconfig/…") set no paths a project relies on; outside files are not read.
        return (name.startsWith(".") || name.startsWith("/")) && target.startsWith(projectFolder) && Files.isRegularFile(target)
                ? target : null;
    }

    private static JsonNode parse(Path file, Path projectFolder) throws LaunchException {
        String name = projectFolder.relativize(file).toString().replace('\\', '/');
        try {
            JsonNode node = LENIENT.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new LaunchException(name + ": must contain a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new LaunchException(name + where + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LaunchException("cannot read " + name + ": " + FileProblems.reason(e));
        }
    }

    /** The tsconfig.json file itself (the compiler reads it too). */
    Path file() {
        return file;
    }

    /**
     * The absolute base paths (without extension) a bare module name maps to, in the order
     * TypeScript tries them: the longest matching {@code paths} pattern's targets, then
     * {@code baseUrl}/name.
     */
    List<Path> candidates(String spec) {
        List<Path> out = new ArrayList<>();
        String best = paths.containsKey(spec) ? spec : null;
        String star = "";
        int bestPrefix = -1;
        for (String pattern : best == null ? paths.keySet() : List.<String>of()) {
            int at = pattern.indexOf('*');
            String prefix = at < 0 ? null : pattern.substring(0, at);
            String suffix = at < 0 ? null : pattern.substring(at + 1);
            if (prefix != null && prefix.length() > bestPrefix && spec.startsWith(prefix) && spec.endsWith(suffix)
                    && spec.length() >= prefix.length() + suffix.length()) {
                best = pattern;
                bestPrefix = prefix.length();
                star = spec.substring(prefix.length(), spec.length() - suffix.length());
            }
        }
        if (best != null) {
            for (String target : paths.get(best)) {
                out.add(Path.of(target.replace("*", star)));
            }
        }
        baseUrl.ifPresent(base -> out.add(base.resolve(spec).normalize()));
        return out;
    }
}
