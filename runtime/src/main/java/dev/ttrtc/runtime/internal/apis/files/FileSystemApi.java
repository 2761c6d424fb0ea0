package dev.ttrtc.runtime.internal.apis.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.JsObject;
import dev.ttrtc.runtime.api.JsObjectBuilder;
import dev.ttrtc.runtime.api.TtApiModule;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code tt.getFileSystemManager()} and the file APIs on {@code tt} ({@code saveFile},
 * {@code getSavedFileList}, {@code removeSavedFile}) over the instance's {@link LocalFiles}.
 * Each method is declared once and offered in its async form and, where the platform has one,
 * its sync form ({@code readFileSync(filePath, encoding, position, length)}). Host rule: the async
 * forms do their (small, local) IO on the loop and answer on the next turn.
 */
public final class FileSystemApi implements TtApiModule {

    /** One method's work: reads its arguments, returns its result (null for none). */
    @FunctionalInterface
    private interface Operation {
        JsonNode run(FileOperations ops, FsArgs args, String api) throws ApiException;
    }

    /**
     * @param positional the sync form's argument names, in order
     * @param resultKey where the async form's success payload carries the result (null: nothing)
     * @param hasSync whether the platform offers {@code <name>Sync}
     */
    private record Method(String name, List<String> positional, String resultKey, boolean hasSync, Operation op) {
    }

    private static final List<Method> MANAGER_METHODS = List.of(
            new Method("readFile", List.of("filePath", "encoding", "position", "length"), "data", true,
                    (ops, a, api) -> ops.readFile(api, a.string("filePath"), optionalEncoding(a),
                            boxed(a.optionalNumber("position")), boxed(a.optionalNumber("length")))),
            new Method("writeFile", List.of("filePath", "data", "encoding"), null, true,
                    (ops, a, api) -> write(ops, a, api, false)),
            new Method("appendFile", List.of("filePath", "data", "encoding"), null, true,
                    (ops, a, api) -> write(ops, a, api, true)),
            new Method("access", List.of("path"), null, true, (ops, a, api) -> {
                ops.access(api, a.string("path"));
                return null;
            }),
            new Method("stat", List.of("path", "recursive"), "stats", true,
                    (ops, a, api) -> ops.stat(api, a.string("path"), a.optionalBool("recursive", false))),
            new Method("mkdir", List.of("dirPath", "recursive"), null, true, (ops, a, api) -> {
                ops.mkdir(api, a.string("dirPath"), a.optionalBool("recursive", false));
                return null;
            }),
            new Method("readdir", List.of("dirPath"), "files", true, (ops, a, api) -> ops.readdir(api, a.string("dirPath"))),
            new Method("rmdir", List.of("dirPath", "recursive"), null, true, (ops, a, api) -> {
                ops.rmdir(api, a.string("dirPath"), a.optionalBool("recursive", false));
                return null;
            }),
            new Method("unlink", List.of("filePath"), null, true, (ops, a, api) -> {
                ops.unlink(api, a.string("filePath"));
                return null;
            }),
            new Method("saveFile", List.of("tempFilePath", "filePath"), "savedFilePath", true, FileSystemApi::save),
            new Method("getSavedFileList", List.of(), "fileList", false, (ops, a, api) -> ops.savedFileList()),
            new Method("removeSavedFile", List.of("filePath"), null, false, (ops, a, api) -> {
                ops.unlink(api, a.string("filePath"));
                return null;
            }));

    /** The file methods {@code tt} itself offers, as the manager's. */
    private static final List<String> TT_METHODS = List.of("saveFile", "getSavedFileList", "removeSavedFile");
    private static final String FOLDER_RULE = "ttfile://temp and ttfile://user are folders of the instance, gone when it closes";
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.sync("getFileSystemManager").hostRule(FOLDER_RULE),
            ApiEntry.async("saveFile").hostRule(FOLDER_RULE),
            ApiEntry.async("getSavedFileList").hostRule(FOLDER_RULE),
            ApiEntry.async("removeSavedFile").hostRule(FOLDER_RULE));

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        FileOperations ops = new FileOperations(instance, LocalFiles.of(instance));
        JsObject[] manager = new JsObject[1];
        tt.sync("getFileSystemManager", args -> {
            if (manager[0] == null) {
                manager[0] = buildManager(instance, ops);
            }
            return manager[0];
        });
        for (Method m : MANAGER_METHODS) {
            if (TT_METHODS.contains(m.name())) {
                tt.async(m.name(), call -> call.succeed(payload(m, m.op().run(ops, FsArgs.of(call.params()), m.name()))));
            }
        }
    }

    private static JsObject buildManager(InstanceContext instance, FileOperations ops) {
        JsObjectBuilder builder = instance.newObject("FileSystemManager");
        for (Method m : MANAGER_METHODS) {
            builder.async(m.name(), call -> call.succeed(payload(m, m.op().run(ops, FsArgs.of(call.params()), m.name()))));
            if (m.hasSync()) {
                String syncName = m.name() + "Sync";
                builder.sync(syncName, args -> m.op().run(ops, FsArgs.of(args, m.positional()), syncName));
            }
        }
        return builder.build();
    }

    private static ObjectNode payload(Method m, JsonNode result) {
        if (m.resultKey() == null) {
            return null;
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set(m.resultKey(), result);
        if (m.name().equals("stat")) {
            payload.set("stat", result); // the typings name both
        }
        return payload;
    }

    private static JsonNode write(FileOperations ops, FsArgs a, String api, boolean append) throws ApiException {
        String path = a.string("filePath");
        TextEncoding encoding = optionalEncoding(a);
        ops.writeFile(api, path, a.data("data", encoding == null ? TextEncoding.UTF8 : encoding), append);
        return null;
    }

    private static JsonNode save(FileOperations ops, FsArgs a, String api) throws ApiException {
        String saved = ops.saveFile(api, a.string("tempFilePath"), a.optionalString("filePath").orElse(null));
        return JsonNodeFactory.instance.textNode(saved);
    }

    private static TextEncoding optionalEncoding(FsArgs a) throws ApiException {
        String name = a.optionalString("encoding").orElse(null);
        return name == null ? null : TextEncoding.named(name, "encoding");
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
