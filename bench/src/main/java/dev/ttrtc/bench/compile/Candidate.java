package dev.ttrtc.bench.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One compiler under comparison, as the host would drive it: load it, then compile a set of
 * project files (ES-module JavaScript and TypeScript) to CommonJS with source maps. Used in a
 * child JVM per cold run ({@link CompileChild}).
 */
interface Candidate extends AutoCloseable {

    /** The candidates by name, in the order of the table. */
    List<String> NAMES = List.of("esbuild", "swc4j", "sucrase", "typescript", "babel");

    /** Loads the compiler (starts its engine, reads its code, extracts its binary). */
    void load() throws Exception;

    /** Compiles the files (project-relative names) of {@code root}; returns the compiled code by name. */
    Map<String, String> compile(Path root, List<SyntheticProject.SourceFile> files) throws Exception;

    @Override
    default void close() {
    }

    static Candidate named(String name, Path compilers) {
        return switch (name) {
            case "esbuild" -> new EsbuildCandidate();
            case "swc4j" -> new Swc4jCandidate();
            case "sucrase" -> GraalJsCandidate.sucrase(compilers);
            case "typescript" -> GraalJsCandidate.typeScript(compilers);
            case "babel" -> GraalJsCandidate.babel(compilers);
            default -> throw new IllegalArgumentException("unknown compiler " + name);
        };
    }
}
