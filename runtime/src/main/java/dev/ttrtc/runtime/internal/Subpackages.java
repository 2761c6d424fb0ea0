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
 * rules — no root inside another, no page listed twice. {@code name} and {@code independent}
 * are read by the platform only for downloading, which a local host does not do.
 */
final class Subpackages {
    private Subpackages() {
    }

    /** Adds each subpackage's routes to {@code pages} (the main package's) and returns the roots. */
    static List<String> read(JsonNode appJson, List<String> pages) throws LaunchException {
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
            roots.add(root);
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
        return List.copyOf(roots);
    }

    private static String trimTrailingSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
