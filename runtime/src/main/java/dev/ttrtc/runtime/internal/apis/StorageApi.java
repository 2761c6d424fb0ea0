package dev.ttrtc.runtime.internal.apis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.api.ApiArgs;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiParams;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local storage, per instance and in memory: the sync and async forms of set/get/remove/clear and
 * getStorageInfo. Values are stored as JSON, as the platform serializes them; 10 MB in all.
 */
public final class StorageApi implements TtApiModule {
    static final int LIMIT_KB = 10 * 1024;
    private static final String RULE = "in memory, per instance: gone when the instance closes";
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.sync("setStorageSync").hostRule(RULE), ApiEntry.sync("getStorageSync").hostRule(RULE),
            ApiEntry.sync("removeStorageSync").hostRule(RULE), ApiEntry.sync("clearStorageSync").hostRule(RULE),
            ApiEntry.sync("getStorageInfoSync").hostRule(RULE), ApiEntry.async("setStorage").hostRule(RULE),
            ApiEntry.async("getStorage").hostRule(RULE), ApiEntry.async("removeStorage").hostRule(RULE),
            ApiEntry.async("clearStorage").hostRule(RULE), ApiEntry.async("getStorageInfo").hostRule(RULE));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        Map<String, String> store = new LinkedHashMap<>();

        tt.sync("setStorageSync", args -> {
            put(store, key(args), args.json(1));
            return null;
        });
        tt.sync("getStorageSync", args -> {
            String stored = store.get(key(args));
            return stored == null ? "" : parse(stored);
        });
        tt.sync("removeStorageSync", args -> {
            store.remove(key(args));
            return null;
        });
        tt.sync("clearStorageSync", args -> {
            store.clear();
            return null;
        });
        tt.sync("getStorageInfoSync", args -> info(store));

        tt.async("setStorage", call -> {
            ApiParams p = call.params();
            String key = p.string("key");
            if (!p.has("data")) {
                throw ApiException.parameter("expect params.data to be set, but got undefined");
            }
            put(store, key, p.json("data"));
            call.succeed();
        });
        tt.async("getStorage", call -> {
            String stored = store.get(call.params().string("key"));
            if (stored == null) {
                throw new ApiException(ApiErrors.PARAMETER_ERROR, "data not found");
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.set("data", parse(stored));
            call.succeed(result);
        });
        tt.async("removeStorage", call -> {
            store.remove(call.params().string("key"));
            call.succeed();
        });
        tt.async("clearStorage", call -> {
            store.clear();
            call.succeed();
        });
        tt.async("getStorageInfo", call -> call.succeed(info(store)));
    }

    private static String key(ApiArgs args) throws ApiException {
        return args.string(0).orElseThrow(() -> ApiException.parameter(
                "expect key to be string, but got " + args.typeOf(0)));
    }

    private static void put(Map<String, String> store, String key, JsonNode value) throws ApiException {
        String text = value.toString();
        long others = store.entrySet().stream().filter(e -> !e.getKey().equals(key))
                .mapToLong(e -> sizeOf(e.getKey(), e.getValue())).sum();
        if (others + sizeOf(key, text) > LIMIT_KB * 1024L) {
            throw new ApiException(ApiErrors.PARAMETER_ERROR, "exceed storage max size 10Mb");
        }
        store.put(key, text);
    }

    private static long sizeOf(String key, String value) {
        return key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static JsonNode parse(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not JSON", e);
        }
    }

    private static ObjectNode info(Map<String, String> store) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode keys = result.putArray("keys");
        store.keySet().forEach(keys::add);
        long bytes = store.entrySet().stream().mapToLong(e -> sizeOf(e.getKey(), e.getValue())).sum();
        result.put("currentSize", (bytes + 1023) / 1024);
        result.put("limitSize", LIMIT_KB);
        return result;
    }
}
