package dev.ttrtc.runtime.internal.apis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsValues;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles.Area;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles.Location;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What FileSystemManager's methods do, once for their sync and async forms: each takes the API
 * name used in messages and the path as JS gave it, and throws the documented {@link FileError}s.
 * Reading works in every area; the package (the project folder) answers only readFile and access,
 * as on the platform; writing and deleting only in the user folder. Loop thread only.
 */
final class FileOperations {
    private final InstanceContext instance;
    private final LocalFiles files;

    FileOperations(InstanceContext instance, LocalFiles files) {
        this.instance = instance;
        this.files = files;
    }

    /** The file's bytes, as text in {@code encoding} or, without one, as an ArrayBuffer. */
    JsonNode readFile(String api, String path, TextEncoding encoding, Double position, Double length) throws ApiException {
        Path file = existing(api, files.locate(api, path));
        if (Files.isDirectory(file)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        byte[] bytes = io(api, path, () -> Files.readAllBytes(file));
        int from = 0;
        int to = bytes.length;
        if (position != null) {
            if (position != Math.floor(position) || position < 0 || (position > 0 && position >= bytes.length)) {
                throw ApiException.parameter("position is invalid");
            }
            from = position.intValue();
        }
        if (length != null) {
            if (length != Math.floor(length) || length < 1 || from + length > bytes.length) {
                throw ApiException.parameter("length is invalid");
            }
            to = from + length.intValue();
        }
        byte[] range = from == 0 && to == bytes.length ? bytes : Arrays.copyOfRange(bytes, from, to);
        return encoding == null ? JsValues.arrayBuffer(range) : JsonNodeFactory.instance.textNode(encoding.decode(range));
    }

    void writeFile(String api, String path, byte[] data, boolean append) throws ApiException {
        Location location = files.writable(api, path);
        Path file = location.file();
        if (!Files.isDirectory(file.getParent())) {
            throw FileError.NO_SUCH_FILE.at(api, path);
        }
        if (Files.isDirectory(file)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        long existing = Files.exists(file) ? io(api, path, () -> Files.size(file)) : 0;
        files.checkUserRoom(data.length, append ? 0 : existing);
        io(api, path, () -> append
                ? Files.write(file, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.write(file, data));
    }

    void access(String api, String path) throws ApiException {
        existing(api, files.locate(api, path));
    }

    /** A Stats object, or with {@code recursive} on a folder, {@code [{path, stats}]} for it and everything in it. */
    JsonNode stat(String api, String path, boolean recursive) throws ApiException {
        Path file = existing(api, outsidePackage(api, path));
        if (!recursive || !Files.isDirectory(file)) {
            return stats(api, path, file);
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        try (Stream<Path> tree = Files.walk(file)) {
            for (Path p : tree.sorted().toList()) {
                ObjectNode entry = all.addObject();
                entry.put("path", file.equals(p) ? "/" : "/" + file.relativize(p).toString().replace('\\', '/'));
                entry.set("stats", stats(api, path, p));
            }
        } catch (IOException e) {
            throw FileError.OPERATION_FAILED.error();
        }
        return all;
    }

    void mkdir(String api, String path, boolean recursive) throws ApiException {
        Path dir = files.writable(api, path).file();
        if (Files.exists(dir)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        if (!recursive && !Files.isDirectory(dir.getParent())) {
            throw FileError.NO_SUCH_FILE.at(api, path);
        }
        io(api, path, () -> recursive ? Files.createDirectories(dir) : Files.createDirectory(dir));
    }

    ArrayNode readdir(String api, String path) throws ApiException {
        Path dir = existing(api, outsidePackage(api, path));
        if (!Files.isDirectory(dir)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        List<Path> entries = io(api, path, () -> {
            try (Stream<Path> list = Files.list(dir)) {
                return list.sorted().toList();
            }
        });
        entries.forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    void rmdir(String api, String path, boolean recursive) throws ApiException {
        Location location = files.writable(api, path);
        Path dir = existing(api, location);
        if (!Files.isDirectory(dir) || isAreaRoot(location)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        try {
            if (recursive) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            } else {
                Files.delete(dir);
            }
        } catch (DirectoryNotEmptyException e) {
            throw FileError.NOT_PERMITTED.at(api, path);
        } catch (IOException e) {
            throw FileError.OPERATION_FAILED.error();
        }
    }

    void unlink(String api, String path) throws ApiException {
        Path file = existing(api, files.writable(api, path));
        if (Files.isDirectory(file)) {
            throw FileError.NOT_PERMITTED.at(api, path);
        }
        io(api, path, () -> {
            Files.delete(file);
            return null;
        });
    }

    /** Moves a temp file into the user folder (to {@code target}, or a new name) and answers its path. */
    String saveFile(String api, String tempPath, String target) throws ApiException {
        Location source = files.locate(api, tempPath);
        if (source.area() != Area.TEMP) {
            throw ApiException.parameter("tempFilePath is invalid");
        }
        Path from = existing(api, source);
        if (Files.isDirectory(from)) {
            throw FileError.NOT_PERMITTED.at(api, tempPath);
        }
        Location to = target == null ? files.newUserFile(extensionOf(from)) : files.writable(api, target);
        if (!Files.isDirectory(to.file().getParent()) || Files.isDirectory(to.file())) {
            throw FileError.NO_SUCH_FILE.at(api, to.uri());
        }
        long size = io(api, tempPath, () -> Files.size(from));
        files.checkUserRoom(size, Files.exists(to.file()) ? io(api, tempPath, () -> Files.size(to.file())) : 0);
        io(api, tempPath, () -> Files.move(from, to.file(), StandardCopyOption.REPLACE_EXISTING));
        return to.uri();
    }

    /** Every file of the user folder: {@code [{filePath, size, createTime}]} (createTime in seconds). */
    ArrayNode savedFileList() throws ApiException {
        String api = "getSavedFileList";
        String path = LocalFiles.USER;
        Path root = files.writable(api, path).file();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<Path> all = io(api, path, () -> {
            try (Stream<Path> tree = Files.walk(root)) {
                return tree.filter(Files::isRegularFile).sorted().toList();
            }
        });
        for (Path p : all) {
            BasicFileAttributes attributes = io(api, path, () -> Files.readAttributes(p, BasicFileAttributes.class));
            ObjectNode item = list.addObject();
            item.put("filePath", files.userUri(p));
            item.put("size", attributes.size());
            item.put("createTime", attributes.creationTime().toMillis() / 1000);
        }
        return list;
    }

    private Location outsidePackage(String api, String path) throws ApiException {
        Location location = files.locate(api, path);
        if (location.area() == Area.PACKAGE) {
            throw FileError.PERMISSION_DENIED.at(api, path);
        }
        return location;
    }

    private static Path existing(String api, Location location) throws ApiException {
        if (!Files.exists(location.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw FileError.NO_SUCH_FILE.at(api, location.uri());
        }
        return location.file();
    }

    private static boolean isAreaRoot(Location location) {
        String uri = location.uri().replaceAll("/+$", "");
        return uri.equals(LocalFiles.USER) || uri.equals(LocalFiles.TEMP);
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    /** A Stats object: mode, size, lastAccessedTime, lastModifiedTime (seconds), isFile(), isDirectory(). */
    private JsonNode stats(String api, String path, Path file) throws ApiException {
        BasicFileAttributes a = io(api, path, () -> Files.readAttributes(file, BasicFileAttributes.class));
        boolean directory = a.isDirectory();
        int mode = (directory ? 0040000 : 0100000) | (directory ? 0755 : 0644);
        return JsValues.object(instance.newObject("Stats")
                .value("mode", Integer.toString(mode))
                .value("size", a.size())
                .value("lastAccessedTime", a.lastAccessTime().toMillis() / 1000)
                .value("lastModifiedTime", a.lastModifiedTime().toMillis() / 1000)
                .sync("isFile", args -> !directory)
                .sync("isDirectory", args -> directory)
                .build());
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    /** Runs file IO, turning what the machine throws into the documented answers (never its text). */
    private static <T> T io(String api, String path, IoAction<T> action) throws ApiException {
        try {
            return action.run();
        } catch (NoSuchFileException e) {
            throw FileError.NO_SUCH_FILE.at(api, path);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw FileError.NOT_PERMITTED.at(api, path);
        } catch (IOException e) {
            throw FileError.OPERATION_FAILED.error();
        }
    }
}
