package dev.ttrtc.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process uses: resident memory, heap after a collection, CPU time. Linux only (/proc). */
public final class ProcessMetrics {
    private ProcessMetrics() {
    }

    /** VmRSS of /proc/self/status: the resident set, Java heap, native libraries and WebRTC included. */
    public static long rssBytes() {
        return statusKb("VmRSS:") * 1024;
    }

    /** VmHWM: the peak resident set so far. */
    public static long peakRssBytes() {
        return statusKb("VmHWM:") * 1024;
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Heap in use after full collections. Several rounds with pauses because one {@code System.gc()}
     * may leave garbage that finalizers or reference handlers only free a moment later.
     */
    public static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (all threads, native ones included), in nanoseconds. */
    public static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * Minor page faults of this process so far (minflt of /proc/self/stat): each first touch of a
     * page the kernel has to map, memory the heap has just grown into above all; -1 when unknown.
     */
    public static long minorFaults() {
        String[] fields = statFields("self");
        return fields == null ? -1 : Long.parseLong(fields[7]);
    }

    /** Linux's USER_HZ: /proc reports CPU times in ticks of 10 ms on every architecture this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /**
     * CPU time of any process of this user (utime + stime of /proc/PID/stat, all its threads), in
     * nanoseconds with 10 ms resolution; -1 when the process is gone. The same source for a JVM
     * and for a browser's processes, so their numbers compare.
     */
    public static long cpuNanos(long pid) {
        String[] fields = statFields(Long.toString(pid));
        return fields == null ? -1 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }

    /**
     * The fields of /proc/PROCESS/stat after the command name, from the state (field 3) on, or
     * null when the process is gone. The command name (field 2) is in parentheses and may hold
     * spaces, so the fields are counted after its closing one.
     */
    private static String[] statFields(String process) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Proportional set size of a process (/proc/PID/smaps_rollup): its resident memory with pages
     * shared between processes divided among them, so summing it over a process tree (a browser's
     * renderer, GPU and network processes) does not count shared libraries twice. -1 when unknown.
     */
    public static long pssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The machine's load averages over 1, 5 and 15 minutes (/proc/loadavg): other work on the
     * machine shows here, and slows every number of a run.
     */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    public static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
