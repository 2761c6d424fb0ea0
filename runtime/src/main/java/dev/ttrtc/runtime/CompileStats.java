package dev.ttrtc.runtime;

/**
 * What a host's compile step has done since it was created.
 *
 * @param compiledFiles files the compiler ran on
 * @param cachedFiles files whose compiled form came from the cache (unchanged since an earlier launch)
 */
public record CompileStats(int compiledFiles, int cachedFiles) {
}
