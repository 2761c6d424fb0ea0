package dev.ttrtc.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Engine;

/**
 * The facts a reader needs to judge the numbers: cores, memory, JDK and GC, OS, and whether
 * GraalJS compiles or only interprets.
 */
public record Machine(int cores, String cpu, long memoryMb, String jdk, String gc, long maxHeapMb, String os,
        String graalJs) {

    public static Machine detect() {
        Runtime rt = Runtime.getRuntime();
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
        String gc = gcs.stream().anyMatch(n -> n.startsWith("G1")) ? "G1" : String.join("/", gcs);
        String os = osRelease().orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
        return new Machine(rt.availableProcessors(), cpuModel().orElse("unknown CPU"), memTotalMb(), jdk, gc,
                rt.maxMemory() / (1024 * 1024), os, graalJsVersion());
    }

    /** GraalJS's version and runtime: "Interpreted" means no JIT compilation of JS (JDK 17 without Graal). */
    private static String graalJsVersion() {
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            return "GraalJS " + engine.getVersion() + " (" + engine.getImplementationName() + ")";
        } catch (RuntimeException e) {
            return "GraalJS unavailable: " + e.getMessage();
        }
    }

    private static Optional<String> cpuModel() {
        return grep(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim());
    }

    private static long memTotalMb() {
        return grep(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).orElse(-1L);
    }

    private static Optional<String> osRelease() {
        return grep(Path.of("/etc/os-release"), "PRETTY_NAME=")
                .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""));
    }

    private static Optional<String> grep(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public String markdown() {
        return "- machine: " + cores + " cores (" + cpu + "), " + memoryMb + " MB RAM\n"
                + "- JDK: " + jdk + ", " + gc + " GC, max heap " + maxHeapMb + " MB\n"
                + "- OS: " + os + "\n"
                + "- JS: " + graalJs + "\n";
    }

    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("bench", "machine");
        node.put("cores", cores);
        node.put("cpu", cpu);
        node.put("memory_mb", memoryMb);
        node.put("jdk", jdk);
        node.put("gc", gc);
        node.put("max_heap_mb", maxHeapMb);
        node.put("os", os);
        node.put("graal_js", graalJs);
        return node;
    }
}
