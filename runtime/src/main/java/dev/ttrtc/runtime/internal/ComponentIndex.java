package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.LaunchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom components of a project, found from {@code usingComponents} in app.json (global),
 * the page jsons and the component jsons, as the devtools resolve them: {@code /x} from the
 * project root, {@code ./x} and {@code ../x} from the json's folder, and a bare {@code x} from
 * the json's folder first, then from {@code miniprogram_npm} folders up to the root (a folder
 * stands for its {@code index}). Built once at launch; immutable.
 */
final class ComponentIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform's rule for custom component tag names. */
    private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9_-]*");

    private final Map<String, String> global;
    private final Map<String, Map<String, String>> byOwner;
    private final List<String> loadOrder;
    private final Project project;

    private ComponentIndex(Map<String, String> global, Map<String, Map<String, String>> byOwner, List<String> loadOrder,
            Project project) {
        this.global = global;
        this.byOwner = byOwner;
        this.loadOrder = loadOrder;
        this.project = project;
    }

    /** Reads every json involved; a missing component or a bad entry fails the launch with its file. */
    static ComponentIndex build(Project project) throws LaunchException {
        Builder b = new Builder(project);
        Map<String, String> global = b.resolveAll("app.json", "");
        for (String path : global.values()) {
            b.visit(path);
        }
        for (String page : project.pages()) {
            b.byOwner.put(page, b.resolveAll(page + ".json", page));
            for (String path : b.byOwner.get(page).values()) {
                b.visit(path);
            }
        }
        return new ComponentIndex(global, b.byOwner, List.copyOf(b.loaded), project);
    }

    /** Every component path, each before the pages and after the components it was found through. */
    List<String> loadOrder() {
        return loadOrder;
    }

    /**
     * Tag → component path for a page or component template: app.json's global ones, then its own.
     * An independent subpackage's templates get no global one from the main package, which they
     * may not use.
     */
    Map<String, String> usingComponents(String ownerPath) {
        Map<String, String> own = byOwner.getOrDefault(ownerPath, Map.of());
        if (global.isEmpty()) {
            return own;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        global.forEach((tag, path) -> {
            if (project.packageRefusal(ownerPath, path).isEmpty()) {
                merged.put(tag, path);
            }
        });
        merged.putAll(own);
        return Collections.unmodifiableMap(merged);
    }

    private static final class Builder {
        final Project project;
        final Map<String, Map<String, String>> byOwner = new LinkedHashMap<>();
        final Set<String> loaded = new LinkedHashSet<>();
        /** Components whose own components are being visited (cycles end here). */
        final Set<String> visiting = new HashSet<>();

        Builder(Project project) {
            this.project = project;
        }

        void visit(String component) throws LaunchException {
            if (loaded.contains(component) || !visiting.add(component)) {
                return;
            }
            String jsonFile = component + ".json";
            JsonNode json = read(jsonFile);
            if (json == null || !json.path("component").asBoolean(false)) {
                throw new LaunchException(jsonFile + ": a component's json must declare \"component\": true");
            }
            // A page app.json lists may be a component too (pages can be built with Component()): the same json.
            Map<String, String> own = resolveAll(jsonFile, component);
            byOwner.put(component, own);
            for (String path : own.values()) {
                visit(path);
            }
            loaded.add(component);
        }

        /** The usingComponents of one json file, resolved; {@code owner} names the file's page or component. */
        Map<String, String> resolveAll(String jsonFile, String owner) throws LaunchException {
            JsonNode json = read(jsonFile);
            if (json == null || !json.has("usingComponents")) {
                return Map.of();
            }
            JsonNode using = json.get("usingComponents");
            if (!using.isObject()) {
                throw new LaunchException(jsonFile + ": \"usingComponents\" must be an object of tag names to component paths");
            }
            String dir = owner.contains("/") ? owner.substring(0, owner.lastIndexOf('/')) : "";
            Map<String, String> resolved = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : using.properties()) {
                String tag = entry.getKey();
                if (!TAG.matcher(tag).matches()) {
                    throw new LaunchException(jsonFile + ": usingComponents \"" + tag
                            + "\": a tag name may hold only lowercase letters, digits, - and _");
                }
                if (!entry.getValue().isTextual()) {
                    throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\" must be a path string");
                }
                resolved.put(tag, resolve(jsonFile, tag, dir, entry.getValue().asText()));
            }
            return Collections.unmodifiableMap(resolved);
        }

        private String resolve(String jsonFile, String tag, String dir, String spec) throws LaunchException {
            if (spec.startsWith("plugin://") || spec.startsWith("plugin-private://")) {
                throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\": plugins are not available in tt-rtc-host");
            }
            if (spec.startsWith("ext://industry/")) {
                throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\": \"" + spec
                        + "\": industry components come with the Douyin app and are not available in tt-rtc-host");
            }
            if (spec.startsWith("ext://")) {
                // The devtools map ext://package/alias through the package's own exports, a form the docs do not spell out.
                throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\": \"" + spec
                        + "\": ext:// paths of npm packages are not available in tt-rtc-host;"
                        + " point usingComponents at the component's file in miniprogram_npm instead");
            }
            List<String> candidates = new ArrayList<>();
            if (spec.startsWith("/")) {
                candidates.add(normalise("", spec.substring(1)));
            } else {
                candidates.add(normalise(dir, spec));
                if (!spec.startsWith(".")) {
                    String d = dir;
                    while (true) {
                        candidates.add(normalise(d, "miniprogram_npm/" + spec));
                        if (d.isEmpty()) {
                            break;
                        }
                        d = d.contains("/") ? d.substring(0, d.lastIndexOf('/')) : "";
                    }
                }
            }
            for (String candidate : candidates) {
                if (candidate == null) {
                    continue;
                }
                for (String path : List.of(candidate, candidate + "/index")) {
                    if (project.scriptFile(path).isPresent()) {
                        Optional<String> refusal = project.packageRefusal(jsonFile, path);
                        if (refusal.isPresent()) {
                            throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\": " + refusal.get());
                        }
                        return path;
                    }
                }
            }
            throw new LaunchException(jsonFile + ": usingComponents \"" + tag + "\": no component at \"" + spec
                    + "\" (looked for " + (candidates.get(0) == null ? spec : candidates.get(0)) + ".js)");
        }

        /** {@code dir/spec} with . and .. applied; null when it leaves the project. */
        private static String normalise(String dir, String spec) {
            List<String> parts = new ArrayList<>();
            if (!dir.isEmpty()) {
                parts.addAll(List.of(dir.split("/")));
            }
            for (String part : spec.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.remove(parts.size() - 1);
                } else {
                    parts.add(part);
                }
            }
            String path = String.join("/", parts);
            return path.endsWith(".js") ? path.substring(0, path.length() - 3) : path;
        }

        private JsonNode read(String file) throws LaunchException {
            Optional<Path> path = project.resolveInside(file);
            if (path.isEmpty() || !Files.isRegularFile(path.get())) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(Files.readString(path.get(), StandardCharsets.UTF_8));
                if (node == null || !node.isObject()) {
                    throw new LaunchException(file + ": must contain a JSON object");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw new LaunchException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                        + ": invalid JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new LaunchException("cannot read " + file + ": " + FileProblems.reason(e));
            }
        }
    }
}
