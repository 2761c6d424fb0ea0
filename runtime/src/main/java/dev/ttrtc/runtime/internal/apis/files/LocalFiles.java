package dev.ttrtc.runtime.internal.apis.files;

import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.InstanceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The local files of one instance, as the platform lays them out: {@code ttfile://temp/…} (files
 * the host made, such as downloads; read-only for the project), {@code ttfile://user/…} (the
 * project's own, read-write, 10 MB in all) and the package (the project folder, read-only, plain
 * paths such as {@code images/a.png}).
 *
 * <p>Host rule: both folders live under one temporary folder of this machine, made on first use
 * and deleted with everything in it when the instance closes; nothing survives a launch.
 * Every path is resolved inside its area: {@code ..}, symbolic links and other schemes that would
 * leave it are refused with "permission denied". Thread-safe.
 */
public final class LocalFiles {
    public static final String TEMP = "ttfile://temp";
    public static final String USER = "ttfile://user";
    /** The documented capacity of the user folder. */
    public static final long USER_LIMIT_BYTES = 10L * 1024 * 1024;

    /** Which of the three areas a path is in. */
    public enum Area { TEMP, USER, PACKAGE }

    /** A path as JS gave it ({@code uri}), the area it is in and the file of this machine it names. */
    public record Location(Area area, String uri, Path file) {
    }

    private final String label;
    private final Path packageRoot;
    // Guarded by this.
    private Path root;

    private LocalFiles(String label, Path packageRoot) {
        this.label = label.replaceAll("[^A-Za-z0-9_-]", "_");
        this.packageRoot = packageRoot.toAbsolutePath().normalize();
    }

    /** The instance's local files, shared by every module of the instance; deleted when it closes. */
    public static LocalFiles of(InstanceContext instance) {
        return instance.shared(LocalFiles.class, () -> {
            LocalFiles files = new LocalFiles(instance.instanceId(), instance.projectDir());
            instance.onClose(files::delete);
            return files;
        });
    }

    /**
     * Where {@code path} points, for {@code api}. Plain paths are package paths ({@code a/b},
     * {@code /a/b} and {@code ./a/b} name the same file).
     */
    public Location locate(String api, String path) throws ApiException {
        if (path.startsWith(TEMP) || path.startsWith(USER)) {
            boolean temp = path.startsWith(TEMP);
            String rest = path.substring((temp ? TEMP : USER).length());
            if (!rest.isEmpty() && !rest.startsWith("/")) {
                throw FileError.NO_SUCH_FILE.at(api, path);
            }
            Path base = folder(temp ? "temp" : "user");
            return new Location(temp ? Area.TEMP : Area.USER, path, inside(api, path, base, rest));
        }
        if (path.contains("://")) {
            throw FileError.PERMISSION_DENIED.at(api, path);
        }
        String rest = path.startsWith("./") ? path.substring(2) : path;
        return new Location(Area.PACKAGE, path, inside(api, path, packageRoot, rest));
    }

    /** Like {@link #locate}, for APIs that may only change the user folder. */
    public Location writable(String api, String path) throws ApiException {
        Location location = locate(api, path);
        if (location.area() != Area.USER) {
            throw FileError.PERMISSION_DENIED.at(api, path);
        }
        return location;
    }

    /** A new, unused file name in the temp folder, ending with {@code extension} (such as {@code .png}, or empty). */
    public Location newTempFile(String extension) {
        String name = UUID.randomUUID().toString().replace("-", "") + extension;
        return new Location(Area.TEMP, TEMP + "/" + name, folder("temp").resolve(name));
    }

    /** A new, unused file name in the user folder (for saveFile without a target). */
    public Location newUserFile(String extension) {
        String name = UUID.randomUUID().toString().replace("-", "") + extension;
        return new Location(Area.USER, USER + "/" + name, folder("user").resolve(name));
    }

    /** The {@code ttfile://user/…} path of a file in the user folder. */
    public String userUri(Path file) {
        return USER + "/" + folder("user").relativize(file).toString().replace('\\', '/');
    }

    /** Fails unless the user folder can take {@code adding} more bytes while {@code replacing} bytes go. */
    public void checkUserRoom(long adding, long replacing) throws ApiException {
        if (userBytes() - replacing + adding > USER_LIMIT_BYTES) {
            throw FileError.USER_DIR_FULL.error();
        }
    }

    /** The bytes the user folder holds. */
    public long userBytes() {
        try (Stream<Path> files = Files.walk(folder("user"))) {
            return files.filter(Files::isRegularFile).mapToLong(LocalFiles::sizeOf).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Path inside(String api, String original, Path base, String relative) throws ApiException {
        String trimmed = relative;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        Path file;
        try {
            file = base.resolve(trimmed).normalize();
        } catch (InvalidPathException e) {
            // A name no file can have (a NUL character): nothing is there.
            throw FileError.NO_SUCH_FILE.at(api, original);
        }
        if (!file.startsWith(base)) {
            throw FileError.PERMISSION_DENIED.at(api, original);
        }
        // A symbolic link (in the package, or an ancestor of the file) must not lead out either.
        for (Path p = file; p != null && p.startsWith(base); p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    if (!p.toRealPath().startsWith(base.toRealPath())) {
                        throw FileError.PERMISSION_DENIED.at(api, original);
                    }
                } catch (IOException e) {
                    throw FileError.PERMISSION_DENIED.at(api, original);
                }
                break;
            }
        }
        return file;
    }

    private synchronized Path folder(String name) {
        try {
            if (root == null) {
                root = Files.createTempDirectory("tt-files-" + label + "-");
                Files.createDirectories(root.resolve("temp"));
                Files.createDirectories(root.resolve("user"));
            }
            return root.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the instance's file folders", e);
        }
    }

    /** Deletes both folders and everything in them. */
    synchronized void delete() {
        if (root == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
        root = null;
    }
}
