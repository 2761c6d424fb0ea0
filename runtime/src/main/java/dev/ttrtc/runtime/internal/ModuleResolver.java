package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the file a {@code require} (or a compiled {@code import}) names, with the devtools' rules:
 * <ul>
 *   <li>{@code /x} from the project root, {@code ./x} and {@code ../x} from the requiring file;
 *   <li>a bare {@code x}: the tsconfig's {@code paths}/{@code baseUrl} (TypeScript projects),
 *       then {@code x} beside the requiring file (the platform treats bare paths as relative),
 *       then an npm package built into {@code miniprogram_npm}, looked for in the requiring
 *       file's folder and each folder above it up to the project root:
 *       {@code miniprogram_npm/x/index.js} (or the {@code main} its package.json names) for
 *       {@code x}, {@code miniprogram_npm/x/sub} for {@code x/sub};
 *   <li>each candidate as written, then with {@code .js}, {@code .ts} (TypeScript projects),
 *       {@code .json}, {@code /index.js}, {@code /index.ts}.
 * </ul>
 * Nothing outside the project folder is ever found (symbolic links included).
 */
final class ModuleResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The module cannot be found or lies outside the project; the message is for the user. */
    static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    private final Project project;
    private final List<String> suffixes;

    ModuleResolver(Project project) {
        this.project = project;
        this.suffixes = project.typeScript()
                ? List.of("", ".js", ".ts", ".json", "/index.js", "/index.ts")
                : List.of("", ".js", ".json", "/index.js");
    }

    /**
     * Whether {@code spec} can name a file at all: no file name holds a NUL, and a lone surrogate
     * has no UTF-8 form (the file system would refuse both).
     */
    static boolean isPossiblePath(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == spec.length() || !Character.isLowSurrogate(spec.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** {@code spec} in double quotes with control characters and lone surrogates escaped (backslash, u, four hex digits), for a message. */
    static String quoted(String spec) {
        StringBuilder out = new StringBuilder(spec.length() + 2).append('"');
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < spec.length() && Character.isLowSurrogate(spec.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(spec.charAt(i - 1));
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The file {@code spec} names when required from {@code fromFile}, if the file may use it. */
    Path resolve(Path fromFile, String spec) throws NotFound {
        Path found = find(fromFile, spec);
        String from = project.relativeName(fromFile);
        Optional<String> refusal = project.packageRefusal(from, project.relativeName(found));
        if (refusal.isPresent()) {
            throw new NotFound("require: \"" + spec + "\" (from " + from + "): " + refusal.get());
        }
        return found;
    }

    private Path find(Path fromFile, String spec) throws NotFound {
        Path fromDir = fromFile.getParent();
        String from = project.relativeName(fromFile);
        if (spec.startsWith("/") || spec.startsWith("./") || spec.startsWith("../") || spec.equals(".") || spec.equals("..")) {
            Path base = spec.startsWith("/") ? project.root().resolve(spec.substring(1)) : fromDir.resolve(spec);
            return file(base, spec, from).orElseThrow(() -> notFound(spec, from));
        }
        for (Path alias : project.moduleAliases().map(a -> a.candidates(spec)).orElse(List.of())) {
            if (alias.normalize().startsWith(project.root())) {
                Optional<Path> found = file(alias, spec, from);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        Optional<Path> beside = file(fromDir.resolve(spec), spec, from);
        if (beside.isPresent()) {
            return beside.get();
        }
        return npmPackage(fromDir, spec, from).orElseThrow(() -> notFound(spec, from));
    }

    /** The first existing file among {@code base} with each suffix. */
    private Optional<Path> file(Path base, String spec, String from) throws NotFound {
        String relative = project.relativeName(base.normalize());
        for (String suffix : suffixes) {
            Optional<Path> candidate = project.resolveInside(relative + suffix);
            if (candidate.isEmpty() || relative.startsWith("../")) {
                throw new NotFound("require: \"" + spec + "\" (from " + from + ") is outside the project folder");
            }
            if (Files.isRegularFile(candidate.get())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** {@code pkg} or {@code pkg/sub} (or {@code @scope/pkg/sub}) in the nearest miniprogram_npm that has it. */
    private Optional<Path> npmPackage(Path fromDir, String spec, String from) throws NotFound {
        String[] parts = spec.split("/");
        int nameParts = spec.startsWith("@") && parts.length > 1 ? 2 : 1;
        String name = String.join("/", List.of(parts).subList(0, nameParts));
        String sub = String.join("/", List.of(parts).subList(nameParts, parts.length));
        for (Path dir = fromDir; dir != null && dir.startsWith(project.root()); dir = dir.getParent()) {
            Path packageDir = dir.resolve("miniprogram_npm").resolve(name);
            if (!Files.isDirectory(packageDir)) {
                continue;
            }
            Optional<Path> found = sub.isEmpty() ? packageEntry(packageDir, spec, from) : file(packageDir.resolve(sub), spec, from);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code main} of the package's package.json when the built package kept one, else its index. */
    private Optional<Path> packageEntry(Path packageDir, String spec, String from) throws NotFound {
        Path manifest = packageDir.resolve("package.json");
        if (Files.isRegularFile(manifest)) {
            try {
                JsonNode main = JSON.readTree(manifest.toFile()).get("main");
                if (main != null && main.isTextual() && !main.asText().isBlank()) {
                    Optional<Path> found = file(packageDir.resolve(main.asText()), spec, from);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } catch (IOException e) {
                // An unreadable package.json: the index is the built package's entry anyway.
            }
        }
        return file(packageDir.resolve("index"), spec, from);
    }

    private NotFound notFound(String spec, String from) {
        String message = "require: cannot find module \"" + spec + "\" from " + from;
        if (!spec.startsWith(".") && !spec.startsWith("/") && hasUnbuiltPackage(spec)) {
            message += " (node_modules has it, but mini-programs load npm packages from miniprogram_npm:"
                    + " build npm in the devtools first)";
        }
        return new NotFound(message);
    }

    private boolean hasUnbuiltPackage(String spec) {
        List<Path> roots = new ArrayList<>(List.of(project.root()));
        if (!project.folder().equals(project.root())) {
            roots.add(project.folder());
        }
        String name = spec.startsWith("@") ? String.join("/", List.of(spec.split("/")).subList(0, Math.min(2, spec.split("/").length)))
                : spec.split("/")[0];
        return roots.stream().anyMatch(r -> Files.isDirectory(r.resolve("node_modules").resolve(name)));
    }
}
