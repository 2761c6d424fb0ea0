package dev.ttrtc.runtime.internal.compile;

/**
 * A project file after the compile step: CommonJS code the loader can run, and the map from that
 * code back to the file as written.
 *
 * @param code the compiled code
 * @param map where each position of {@code code} came from
 * @param module whether the original was an ES module (it then runs in strict mode, as modules do)
 */
public record CompiledScript(String code, SourceMap map, boolean module) {
}
