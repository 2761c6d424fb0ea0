package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttrtc.runtime.LaunchException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * app.json's {@code subpackages} (or {@code subPackages}, which the platform reads the same):
 * each a {@code root} folder and {@code pages} relative to it, checked by the platform's packing
 * rules — no root inside another, no page listed twice. {@code independent: true} marks one
 * that uses only its own files (not even the main package's); {@code name} is read by the
 * platform only for downloading, which a local host does not do.
 */
final class Subpackages {
    private Subpackages() {
    }

    /** A subpackage: its {@code root} folder, and whether it is independent of the main package. */
    record Subpackage(String root, boolean independent) {
        boolean holds(String path) {
            return path.startsWith(root + "/");
        }
    }

    /** Adds each subpackage's routes to {@code pages} (the main package's) and returns the subpackages. */
    static List<Subpackage> read(JsonNode appJson, List<String> pages) throws LaunchException {
        String key = appJson.has("subpackages") ? "subpackages" : "subPackages";
        if (appJson.has("subpackages") && appJson.has("subPackages")) {
            throw new LaunchException("app.json: has both \"subpackages\" and \"subPackages\"; keep one");
        }
        JsonNode list = appJson.get(key);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new LaunchException("app.json: \"" + key + "\" must be an array of {\"root\", \"pages\"} objects");
        }
        List<Subpackage> subpackages = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        int mainPages = pages.size();
        Set<String> seen = new HashSet<>(pages);
        for (int i = 0; i < list.size(); i++) {
            String at = "app.json: " + key + "[" + i + "]";
            JsonNode entry = list.get(i);
            JsonNode rootNode = entry.get("root");
            if (!entry.isObject() || rootNode == null || !rootNode.isTextual() || Project.stripSlashes(rootNode.asText()).isBlank()) {
                throw new LaunchException(at + " must be an object with a \"root\" folder and its \"pages\"");
            }
            String root = trimTrailingSlashes(Project.stripSlashes(rootNode.asText().replaceFirst("^\\./", "")));
            if (List.of(root.split("/")).contains("..")) {
                throw new LaunchException(at + ".root \"" + rootNode.asText() + "\" leaves the project folder");
            }
            for (String other : roots) {
                if (root.equals(other) || root.startsWith(other + "/") || other.startsWith(root + "/")) {
                    throw new LaunchException(at + ".root \"" + root + "\" overlaps the subpackage \"" + other
                            + "\": a subpackage's root cannot be inside another");
                }
            }
            for (String route : Project.readPages(entry.get("pages"), root + "/", at + ".pages")) {
                if (!seen.add(route)) {
                    throw new LaunchException(at + ".pages lists \"" + route + "\", which app.json already lists");
                }
                pages.add(route);
            }
            JsonNode independent = entry.path("independent");
            if (!independent.isMissingNode() && !independent.isBoolean()) {
                throw new LaunchException(at + ".independent must be true or false, not " + independent);
            }
            roots.add(root);
            subpackages.add(new Subpackage(root, independent.asBoolean(false)));
        }
        // What lies under a subpackage's root is packed into that subpackage, main pages included.
        for (String page : pages.subList(0, mainPages)) {
            for (String root : roots) {
                if (page.startsWith(root + "/")) {
                    throw new LaunchException("app.json: \"pages\" lists \"" + page + "\", which is inside the subpackage \""
                            + root + "\": list it in that subpackage's pages");
                }
            }
        }
        return List.copyOf(subpackages);
    }

    private static String trimTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
