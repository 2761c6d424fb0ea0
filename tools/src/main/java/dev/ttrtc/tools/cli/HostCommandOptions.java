package dev.ttrtc.tools.cli;

import dev.ttrtc.runtime.HostOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The host settings run and test share: the task budget, the compile cache, an esbuild of one's own. */
final class HostCommandOptions {
    private HostCommandOptions() {
    }

    static HostOptions hostOptions(Duration taskBudget, Path compileCache, Path esbuild) {
        if (taskBudget.isZero()) {
            throw new UserError("--task-budget must be more than 0");
        }
        HostOptions options = HostOptions.defaults().withTaskBudget(taskBudget);
        if (compileCache != null) {
            if (Files.exists(compileCache) && !Files.isDirectory(compileCache)) {
                throw new UserError("--compile-cache " + compileCache + " is not a folder");
            }
            options = options.withCompileCache(compileCache.toAbsolutePath());
        }
        if (esbuild != null) {
            if (!Files.isRegularFile(esbuild) || !Files.isExecutable(esbuild)) {
                throw new UserError("--esbuild " + esbuild + " is not an executable file");
            }
            options = options.withEsbuild(esbuild.toAbsolutePath());
        }
        return options;
    }
}
