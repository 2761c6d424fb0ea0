package dev.ttrtc.bench.compile;

import dev.ttrtc.runtime.internal.compile.CompileException;
import dev.ttrtc.runtime.internal.compile.Esbuild;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host's own compile step: the shipped esbuild, one child process over the whole batch. */
final class EsbuildCandidate implements Candidate {
    private Esbuild esbuild;

    @Override
    public void load() throws CompileException {
        esbuild = Esbuild.locate(dev.ttrtc.runtime.internal.compile.CompileCache.defaultDirectory().getParent(), Optional.empty());
    }

    @Override
    public Map<String, String> compile(Path root, List<SyntheticProject.SourceFile> files) throws CompileException {
        List<Path> paths = files.stream().map(f -> root.resolve(f.path())).toList();
        Esbuild.Batch batch = esbuild.compile(root, paths, Optional.empty());
        if (!batch.errors().isEmpty()) {
            throw new IllegalStateException("esbuild refused " + batch.errors());
        }
        Map<String, String> out = new LinkedHashMap<>();
        batch.outputs().forEach((path, output) -> out.put(root.relativize(path).toString(), output.code()));
        return out;
    }
}
