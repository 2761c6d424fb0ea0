package dev.ttrtc.bench.compile;

import com.caoccao.javet.swc4j.Swc4j;
import com.caoccao.javet.swc4j.enums.Swc4jMediaType;
import com.caoccao.javet.swc4j.enums.Swc4jModuleKind;
import com.caoccao.javet.swc4j.enums.Swc4jParseMode;
import com.caoccao.javet.swc4j.enums.Swc4jSourceMapOption;
import com.caoccao.javet.swc4j.options.Swc4jTranspileOptions;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * swc through swc4j (JNI, in process). Asked for CommonJS ({@link Swc4jModuleKind#Cjs}); swc4j
 * 2.0.0's transpile strips TypeScript but leaves import/export as they are, which the table shows.
 */
final class Swc4jCandidate implements Candidate {
    private Swc4j swc;

    @Override
    public void load() {
        swc = new Swc4j();
    }

    @Override
    public Map<String, String> compile(Path root, List<SyntheticProject.SourceFile> files) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (SyntheticProject.SourceFile file : files) {
            Swc4jTranspileOptions options = new Swc4jTranspileOptions()
                    .setSpecifier(new URL("file:///" + file.path()))
                    .setMediaType(file.typeScript() ? Swc4jMediaType.TypeScript : Swc4jMediaType.JavaScript)
                    .setParseMode(Swc4jParseMode.Module)
                    .setModuleKind(Swc4jModuleKind.Cjs)
                    .setSourceMap(Swc4jSourceMapOption.Separate);
            out.put(file.path(), swc.transpile(file.text(), options).getCode());
        }
        return out;
    }
}
