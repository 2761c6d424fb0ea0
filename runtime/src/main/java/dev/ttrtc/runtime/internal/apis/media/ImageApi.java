package dev.ttrtc.runtime.internal.apis.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.Permissions;
import dev.ttrtc.runtime.internal.apis.files.FileError;
import dev.ttrtc.runtime.internal.apis.files.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images of the instance's own files (the package, {@code ttfile://temp}, {@code ttfile://user}):
 * {@code chooseImage} hands over copies of the files the embedder chose for the simulated user
 * (or the user cancels), {@code getImageInfo} reads a file's size and format from its header
 * (the JDK's readers: PNG, JPEG, GIF and BMP), and {@code saveImageToPhotosAlbum} asks for
 * {@code scope.album} and records the saved file as a UI entry, the host having no photo album.
 */
public final class ImageApi implements TtApiModule {
    static final String ALBUM_SCOPE = "scope.album";
    static final String CAMERA_SCOPE = "scope.camera";
    /** The platform's default (and most) images a pick returns. */
    static final int MAX_COUNT = 9;
    private static final String[] SOURCES = {"album", "camera"};
    /** The formats the phone's getImageInfo reports that the JDK reads (not WebP), by the JDK's format names. */
    private static final Set<String> READABLE = Set.of("png", "jpeg", "gif", "bmp");
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("chooseImage").hostRule("the user picks the embedder's files (LaunchOptions.chosenImages, the "
                    + "harness's chooseImage option; copies land in ttfile://temp), at most count, one from the camera "
                    + "alone; with none the user cancels; asks for scope.camera (camera alone) or scope.album"),
            ApiEntry.async("getImageInfo").hostRule("package and ttfile:// images in PNG, JPEG, GIF or BMP; a network "
                    + "src fails (download it with downloadFile first); orientation is always up"),
            ApiEntry.async("saveImageToPhotosAlbum").hostRule("asks for scope.album; the saved file is a UI entry "
                    + "(the host has no album)"));

    private final Permissions permissions;
    private final List<Path> chosenImages;

    /** @param chosenImages the files the simulated user picks in every chooseImage; none cancels */
    public ImageApi(Permissions permissions, List<Path> chosenImages) {
        this.permissions = permissions;
        this.chosenImages = List.copyOf(chosenImages);
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        tt.async("chooseImage", call -> call.succeed(choose(instance, call.params())));
        tt.async("getImageInfo", call -> {
            String src = call.params().string("src");
            if (isNetwork(src)) {
                throw new ApiException(ApiErrors.BUSINESS_ERROR, "tt-rtc-host reads only local images; download "
                        + src + " with tt.downloadFile and pass its tempFilePath");
            }
            Path file = existing(instance, "getImageInfo", src);
            ObjectNode info = header(file, src);
            info.put("path", src);
            info.put("orientation", "up");
            call.succeed(info);
        });
        tt.async("saveImageToPhotosAlbum", call -> {
            String filePath = call.params().string("filePath");
            if (isNetwork(filePath)) {
                throw ApiException.parameter("params.filePath must be a local file, not a network address: " + filePath);
            }
            permissions.require(instance, ALBUM_SCOPE);
            Path file = existing(instance, "saveImageToPhotosAlbum", filePath);
            ObjectNode ui = JsonNodeFactory.instance.objectNode().put("filePath", filePath).put("size", size(file));
            instance.events().record(HostEvent.Kind.UI, "saveImageToPhotosAlbum", "saveImageToPhotosAlbum " + ui, ui);
            call.succeed();
        });
    }

    private ObjectNode choose(InstanceContext instance, ApiParams p) throws ApiException {
        double count = p.optionalNumber("count").orElse(MAX_COUNT);
        if (!(count >= 1)) {
            throw ApiException.parameter("expect " + p.path() + ".count to be a number from 1, but got " + p.json("count"));
        }
        List<String> sources = sourceTypes(p);
        boolean cameraOnly = !sources.contains("album");
        int wanted = cameraOnly ? 1 : (int) Math.min(count, MAX_COUNT);
        List<Path> picked = chosenImages.subList(0, Math.min(wanted, chosenImages.size()));
        ObjectNode ui = JsonNodeFactory.instance.objectNode();
        ui.put("count", wanted);
        sources.forEach(ui.putArray("sourceType")::add);
        ArrayNode answer = ui.putArray("answer");
        picked.forEach(file -> answer.add(file.getFileName().toString()));
        permissions.require(instance, cameraOnly ? CAMERA_SCOPE : ALBUM_SCOPE);
        instance.events().record(HostEvent.Kind.UI, "chooseImage", "chooseImage " + ui, ui);
        if (picked.isEmpty()) {
            throw new ApiException(ApiErrors.USER_CANCEL, "cancel");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode paths = result.putArray("tempFilePaths");
        ArrayNode files = result.putArray("tempFiles");
        for (Path file : picked) {
            LocalFiles.Location copy = LocalFiles.of(instance).newTempFile(extension(file));
            try {
                Files.copy(file, copy.file());
            } catch (IOException e) {
                throw FileError.OPERATION_FAILED.error();
            }
            paths.add(copy.uri());
            files.addObject().put("path", copy.uri()).put("size", size(copy.file()));
        }
        return result;
    }

    private static List<String> sourceTypes(ApiParams p) throws ApiException {
        if (!p.has("sourceType")) {
            return List.of(SOURCES);
        }
        JsonNode types = p.json("sourceType");
        List<String> sources = new ArrayList<>();
        boolean valid = types.isArray() && !types.isEmpty();
        for (JsonNode type : types) {
            valid &= List.of(SOURCES).contains(type.asText()) && type.isTextual();
            sources.add(type.asText());
        }
        if (!valid) {
            throw ApiException.parameter("expect " + p.path() + ".sourceType to be a non-empty array of \"album\" and"
                    + " \"camera\", but got " + types);
        }
        return sources;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isNetwork(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static Path existing(InstanceContext instance, String api, String path) throws ApiException {
        Path file = LocalFiles.of(instance).locate(api, path).file();
        if (!Files.isRegularFile(file)) {
            throw FileError.NO_SUCH_FILE.at(api, path);
        }
        return file;
    }

    private static long size(Path file) throws ApiException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw FileError.OPERATION_FAILED.error();
        }
    }

    /** {@code {width, height, type}} from the file's header, without decoding its pixels. */
    private static ObjectNode header(Path file, String src) throws ApiException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw unreadable(src);
            }
            ImageReader reader = readers.next();
            try {
                String type = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!READABLE.contains(type)) {
                    throw unreadable(src);
                }
                reader.setInput(in, true, true);
                ObjectNode info = JsonNodeFactory.instance.objectNode();
                info.put("width", reader.getWidth(0));
                info.put("height", reader.getHeight(0));
                info.put("type", type);
                return info;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw unreadable(src);
        }
    }

    private static ApiException unreadable(String src) {
        return new ApiException(ApiErrors.BUSINESS_ERROR, src + " is not an image tt-rtc-host can read (PNG, JPEG, GIF or BMP)");
    }
}
