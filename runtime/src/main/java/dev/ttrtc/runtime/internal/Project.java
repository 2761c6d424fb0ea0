package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttrtc.runtime.LaunchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mini-program or mini-game project folder, checked: {@code app.json} with its pages (or
 * {@code game.json}/{@code game.js}), optional {@code project.config.json} (whose
 * {@code miniprogramRoot} moves the sources and whose {@code setting.useCompilerPlugins}
 * {@code ["typescript"]} makes {@code .ts} files part of the project), an optional
 * {@code tsconfig.json}, and every file path resolved inside the folder.
 */
public final class Project {
    /**
     * Host rule: the largest script or JSON module an instance loads (16 MB; the platform's whole
     * main package is at most 2 MB). Checked before the file is read, so a huge file costs nothing.
     */
    public static final long MAX_SCRIPT_BYTES = 16L << 20;
    /** A mini-program has pages; a mini-game has one {@code game.js}. */
    public enum Kind { MINI_PROGRAM, MINI_GAME }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sources sources;
    private final Path root;
    private final Kind kind;
    private final List<String> pages;
    /** app.json's subpackages. */
    private final List<Subpackages.Subpackage> subpackages;
    private final String entryPage;

    private Project(Sources sources, Kind kind, List<String> pages, List<Subpackages.Subpackage> subpackages, String entryPage) {
        this.sources = sources;
        this.root = sources.root();
        this.kind = kind;
        this.pages = pages;
        this.subpackages = subpackages;
        this.entryPage = entryPage;
    }

    /** Where the sources are and how they are written, read before app.json is looked at. */
    private record Sources(Path folder, Path root, JsonNode projectConfig, boolean typeScript, Optional<TsConfig> tsconfig) {
        /** The script file for a path without extension: .js, then .ts when TypeScript is on. */
        Optional<String> scriptFile(String pathWithoutExtension) {
            for (String extension : typeScript ? List.of(".js", ".ts") : List.of(".js")) {
                if (Files.isRegularFile(root.resolve(pathWithoutExtension + extension))) {
                    return Optional.of(pathWithoutExtension + extension);
                }
            }
            return Optional.empty();
        }

        /** "app.js not found", with the reason when a .ts file is there but TypeScript is off. */
        String missing(String pathWithoutExtension) {
            return !typeScript && Files.isRegularFile(root.resolve(pathWithoutExtension + ".ts"))
                    ? " (" + pathWithoutExtension + ".ts is there, but TypeScript is off: add \"useCompilerPlugins\": "
                            + "[\"typescript\"] to \"setting\" in project.config.json)"
                    : "";
        }
    }

    /** Reads and checks the project in {@code dir}; every problem is one user-facing line. */
    public static Project load(Path dir) throws LaunchException {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new LaunchException("project folder not found: " + dir);
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw new LaunchException("cannot read project folder " + dir + ": " + FileProblems.reason(e));
        }
        JsonNode projectConfig = readJsonIfPresent(realFolder, "project.config.json");
        Path sourceRoot = realFolder;
        if (projectConfig != null && projectConfig.hasNonNull("miniprogramRoot")) {
            String subdir = projectConfig.get("miniprogramRoot").asText();
            Path candidate = realFolder.resolve(subdir).normalize();
            if (!candidate.startsWith(realFolder) || !Files.isDirectory(candidate)) {
                throw new LaunchException("project.config.json: miniprogramRoot \"" + subdir + "\" is not a folder inside the project");
            }
            sourceRoot = candidate;
        }
        Sources sources = new Sources(realFolder, sourceRoot, projectConfig, enablesTypeScript(projectConfig),
                TsConfig.find(sourceRoot, realFolder));
        JsonNode appJson = readJsonIfPresent(sourceRoot, "app.json");
        if (appJson == null) {
            if (sources.scriptFile("game").isPresent()) {
                return new Project(sources, Kind.MINI_GAME, List.of(), List.of(), "game");
            }
            throw new LaunchException("no app.json in " + dir + " (a mini-program project folder has app.json; a mini-game has game.js)");
        }
        List<String> pages = new ArrayList<>(readPages(appJson.get("pages"), "", "app.json: \"pages\""));
        List<Subpackages.Subpackage> subpackages = Subpackages.read(appJson, pages);
        String entry = pages.get(0);
        if (appJson.hasNonNull("entryPagePath")) {
            entry = stripSlashes(appJson.get("entryPagePath").asText());
            if (!pages.contains(entry)) {
                throw new LaunchException("app.json: entryPagePath \"" + entry + "\" is not one of its pages");
            }
        }
        if (sources.scriptFile("app").isEmpty()) {
            throw new LaunchException("app.js not found in " + dir + sources.missing("app"));
        }
        for (String page : pages) {
            if (sources.scriptFile(page).isEmpty()) {
                throw new LaunchException("app.json lists page \"" + page + "\" but " + page + ".js does not exist"
                        + sources.missing(page));
            }
        }
        return new Project(sources, Kind.MINI_PROGRAM, List.copyOf(pages), subpackages, entry);
    }

    /** {@code setting.useCompilerPlugins} naming {@code typescript}, as the devtools read it. */
    private static boolean enablesTypeScript(JsonNode projectConfig) {
        JsonNode plugins = projectConfig == null ? null : projectConfig.path("setting").get("useCompilerPlugins");
        if (plugins == null) {
            return false;
        }
        if (plugins.isTextual()) {
            return plugins.asText().equals("typescript");
        }
        for (JsonNode plugin : plugins) {
            if (plugin.asText().equals("typescript")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The routes of a {@code pages} array ({@code where} names it in messages), each under
     * {@code root} ("" for the main package's, a subpackage's root followed by a slash for its own).
     */
    static List<String> readPages(JsonNode pagesNode, String root, String where) throws LaunchException {
        if (pagesNode == null || !pagesNode.isArray() || pagesNode.isEmpty()) {
            throw new LaunchException(where + " must be a non-empty array of page paths");
        }
        List<String> pages = new ArrayList<>();
        for (JsonNode page : pagesNode) {
            if (!page.isTextual() || page.asText().isBlank()) {
                throw new LaunchException(where + ": every entry must be a page path such as \"pages/index/index\"");
            }
            String route = root + stripSlashes(page.asText());
            if (route.contains("..")) {
                throw new LaunchException(where + ": page path \"" + page.asText() + "\" leaves the project folder");
            }
            pages.add(route);
        }
        return pages;
    }

    static String stripSlashes(String route) {
        String r = route;
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        return r.endsWith(".js") ? r.substring(0, r.length() - 3) : r;
    }

    private static JsonNode readJsonIfPresent(Path folder, String name) throws LaunchException {
        Path file = folder.resolve(name);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new LaunchException("cannot read " + name + ": " + FileProblems.reason(file, e));
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new LaunchException(name + ": must contain a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new LaunchException(name + where + ": invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** The folder holding app.js (or game.js), with symbolic links resolved. */
    public Path root() {
        return root;
    }

    public Kind kind() {
        return kind;
    }

    /** The routes listed in app.json, in order: its {@code pages}, then each subpackage's. */
    public List<String> pages() {
        return pages;
    }

    /**
     * The root of the subpackage a project-relative path ({@code packageA/pages/a/a}) belongs
     * to; empty for the main package.
     */
    public Optional<String> subpackageOf(String relativePath) {
        return subpackageHolding(relativePath).map(Subpackages.Subpackage::root);
    }

    private Optional<Subpackages.Subpackage> subpackageHolding(String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return subpackages.stream().filter(s -> s.holds(path)).findFirst();
    }

    /**
     * Why the file {@code from} may not use the file {@code to} (both project-relative), by the
     * platform's rules: a subpackage uses only its own files and the main package's (an
     * independent one only its own), and the main package none of a subpackage's; empty when it may.
     */
    public Optional<String> packageRefusal(String from, String to) {
        Optional<Subpackages.Subpackage> target = subpackageHolding(to);
        Optional<Subpackages.Subpackage> source = subpackageHolding(from);
        if (target.equals(source)) {
            return Optional.empty();
        }
        if (target.isEmpty()) {
            return source.filter(Subpackages.Subpackage::independent).map(s -> to + " is in the main package, "
                    + "and the independent subpackage \"" + s.root() + "\" uses only its own files");
        }
        return Optional.of(to + " is in the subpackage \"" + target.get().root() + "\", "
                + source.map(s -> "and the subpackage \"" + s.root() + "\" uses only its own files"
                        + (s.independent() ? "" : " and the main package's"))
                        .orElse("which the main package's files cannot use"));
    }

    /** The page opened at launch unless the embedder names another. */
    public String entryPage() {
        return entryPage;
    }

    /** The folder the project was launched from (holding project.config.json), with symbolic links resolved. */
    public Path folder() {
        return sources.folder();
    }

    /** Whether {@code .ts} files are part of the project (project.config.json enables TypeScript). */
    public boolean typeScript() {
        return sources.typeScript();
    }

    /** The project's tsconfig.json: beside app.js, else in the project folder. */
    public Optional<Path> tsconfig() {
        return sources.tsconfig().map(TsConfig::file);
    }

    /** The tsconfig's {@code paths}/{@code baseUrl} mapping, when the project has a tsconfig and TypeScript is on. */
    Optional<TsConfig> moduleAliases() {
        return sources.typeScript() ? sources.tsconfig() : Optional.empty();
    }

    /**
     * The source file of a module path written without extension ({@code pages/a/a},
     * {@code components/card/card}): {@code .js}, else {@code .ts} when TypeScript is on, as a
     * project-relative name ({@code pages/a/a.ts}); empty when neither exists. App, pages, game.js
     * and components are all found through this.
     */
    public Optional<String> scriptFile(String pathWithoutExtension) {
        String path = pathWithoutExtension.startsWith("/") ? pathWithoutExtension.substring(1) : pathWithoutExtension;
        if (resolveInside(path).isEmpty()) {
            return Optional.empty();
        }
        return sources.scriptFile(path);
    }

    /** {@link #scriptFile}, for files the project was checked to have. */
    String requireScript(String pathWithoutExtension) throws LaunchException {
        return scriptFile(pathWithoutExtension).orElseThrow(() -> new LaunchException(pathWithoutExtension + ".js not found"));
    }

    /**
     * The route to open: the page asked for, else the entry page; game for a mini-game. A page
     * app.json does not list is the app's onPageNotFound to handle, once app.js has run.
     */
    String launchRoute(Optional<String> requested) {
        if (kind == Kind.MINI_GAME) {
            return entryPage;
        }
        return requested.map(p -> p.startsWith("/") ? p.substring(1) : p).orElse(entryPage);
    }

    /** The {@code appid} of project.config.json, when present. */
    public Optional<String> appId() {
        JsonNode config = sources.projectConfig();
        return config == null || !config.hasNonNull("appid") ? Optional.empty() : Optional.of(config.get("appid").asText());
    }

    /**
     * Resolves a project-relative path ("pages/a/a.js") to a file inside the project, or empty
     * when it would leave the folder (also through a symbolic link).
     */
    public Optional<Path> resolveInside(String relativePath) {
        Path candidate = root.resolve(relativePath).normalize();
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.exists(candidate)) {
            try {
                if (!candidate.toRealPath().startsWith(root)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /** The project-relative name of a file inside the project, with forward slashes. */
    public String relativeName(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
