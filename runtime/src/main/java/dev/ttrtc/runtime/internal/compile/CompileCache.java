package dev.ttrtc.runtime.internal.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled files on disk, keyed by a hash of everything the output depends on (the source text,
 * its path, the compiler and its settings), so an unchanged file is never compiled twice, in this
 * process or the next. Entries are {@code <dir>/<2 hex>/<hash>.js} and {@code .map}; each is
 * written to a temporary file and moved into place atomically, the map first, so another process
 * reading the same folder sees a whole entry or none. Nothing is ever modified in place, so
 * concurrent processes need no lock. A folder that cannot be written only costs the caching.
 */
public final class CompileCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);

    private final Path dir;
    private volatile boolean writeFailed;

    public CompileCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The per-user default: {@code $XDG_CACHE_HOME/tt-rtc-host/compile}, else
     * {@code ~/.cache/tt-rtc-host/compile}.
     */
    public static Path defaultDirectory() {
        return userCacheRoot().resolve("compile");
    }

    /** {@code $XDG_CACHE_HOME/tt-rtc-host} or {@code ~/.cache/tt-rtc-host}. */
    static Path userCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tt-rtc-host");
    }

    public Path directory() {
        return dir;
    }

    /** The SHA-256 of the parts (each length-prefixed, so no two lists of parts collide). */
    public static String key(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The entry for {@code key}, when a whole one is there. */
    public Optional<CompiledScript> get(String key, boolean module) {
        try {
            String code = Files.readString(file(key, ".js"), StandardCharsets.UTF_8);
            String map = Files.readString(file(key, ".map"), StandardCharsets.UTF_8);
            return Optional.of(new CompiledScript(code, new SourceMap(map), module));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("compile cache entry {} unreadable", key, e);
            return Optional.empty();
        }
    }

    public void put(String key, CompiledScript script) {
        try {
            Files.createDirectories(file(key, ".js").getParent());
            // The map first: an entry counts as present once its code is there.
            publish(file(key, ".map"), script.map().json());
            publish(file(key, ".js"), script.code());
        } catch (IOException e) {
            if (!writeFailed) {
                writeFailed = true;
                LOG.warn("cannot write the compile cache in {} (compiled files are not kept): {}", dir, e.toString());
            }
        }
    }

    private Path file(String key, String suffix) {
        return dir.resolve(key.substring(0, 2)).resolve(key + suffix);
    }

    private static void publish(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
