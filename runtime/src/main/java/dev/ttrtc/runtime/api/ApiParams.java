package dev.ttrtc.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed, checked access to an API's parameter object (or a nested object of it). A failed check
 * throws {@link ApiException} with errNo 20000 and the platform's wording, for example
 * {@code expect params.state to be one of 0, 1, but got 7}.
 *
 * <p>Loop thread only, during the API call.
 */
public interface ApiParams {

    /** The path of this object in messages: {@code params} or {@code params.roomConfig}. */
    String path();

    /** Whether the key holds a value other than undefined. */
    boolean has(String key);

    /** A required string. */
    String string(String key) throws ApiException;

    /** A string, or empty when the key is absent or undefined; another type is an error. */
    Optional<String> optionalString(String key) throws ApiException;

    /** A required integer that must be one of {@code allowed}. */
    int intOneOf(String key, int... allowed) throws ApiException;

    /** A required string that must be one of {@code allowed}. */
    String stringOneOf(String key, String... allowed) throws ApiException;

    /** Like {@link #stringOneOf} but {@code fallback} when the key is absent. */
    String optionalStringOneOf(String key, String fallback, String... allowed) throws ApiException;

    /** A required boolean. */
    boolean bool(String key) throws ApiException;

    /** A boolean, or {@code fallback} when absent. */
    boolean optionalBool(String key, boolean fallback) throws ApiException;

    /** A required finite number. */
    double number(String key) throws ApiException;

    /** A finite number, or empty when absent. */
    OptionalDouble optionalNumber(String key) throws ApiException;

    /** A nested object, or empty when absent; another type is an error. */
    Optional<ApiParams> optionalObject(String key) throws ApiException;

    /** A required nested object. */
    ApiParams object(String key) throws ApiException;

    /**
     * What the key holds, as APIs tell values apart: {@code "undefined"} (also when absent),
     * {@code "null"}, {@code "array"}, {@code "arraybuffer"}, or the JS {@code typeof}.
     */
    String kindOf(String key);

    /** The bytes of a required ArrayBuffer (a copy). */
    byte[] arrayBuffer(String key) throws ApiException;

    /**
     * The value as {@code JSON.stringify} writes it (the original built-in, so {@code toJSON} and
     * dropped undefined members behave as in JS); empty when it has no JSON form. A value that
     * cannot be written (a cycle, a BigInt) is a parameter error.
     */
    Optional<String> stringify(String key) throws ApiException;

    /**
     * An object's (or array's) own enumerable entries, in order, each value converted with JS
     * {@code String()} and undefined ones left out, as a header set, a form or a query string takes
     * them; empty when the key is absent; another type is an error.
     */
    Map<String, String> optionalStringMap(String key) throws ApiException;

    /** The value at {@code key} as JSON (functions shown as strings), for logging. */
    JsonNode json(String key);

    /** All of this object as JSON (functions shown as strings). */
    JsonNode json();
}
