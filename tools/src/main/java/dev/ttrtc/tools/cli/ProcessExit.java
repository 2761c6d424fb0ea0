package dev.ttrtc.tools.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * Ends the process once a command has closed everything it started and flushed its output.
 *
 * <p>Why not {@code System.exit}: the JVM's exit runs the C runtime's exit handlers after the VM
 * itself is gone. webrtc-java 0.14.0 keeps its JNI class cache in a function-local static map of
 * global references ({@code jni::JavaClasses}); the map's destructor, one of those handlers,
 * deletes them through {@code AttachCurrentThread}, which fails on an exiting VM and prints
 * {@code VM attach current thread failed} / {@code Failed to attach thread N} with
 * {@code std::cout}, into our stdout. Disposing media does not empty that cache. So the process
 * ends with {@code _exit(2)}, which runs no exit handlers at all: the destructor never runs and
 * nothing tries to attach. Shutdown hooks are skipped too; they have nothing left to do.
 */
final class ProcessExit {
    /** The C library's {@code _exit}, through JNA (JDK 17 has no foreign-function API of its own). */
    private interface CLibrary extends Library {
        void _exit(int status);
    }

    private ProcessExit() {
    }

    static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (recordingClassArchive()) {
            // tt-host's archive run: the JVM writes the class-data archive on its way out, which
            // _exit would skip. Nobody reads this run's output.
            detachAndHalt(code);
        }
        try {
            Native.load("c", CLibrary.class)._exit(code);
        } catch (LinkageError noNativeAccess) {
            // JNA cannot load here (a temporary folder that forbids executing, say): keep the
            // destructor's text out of our output instead.
            detachAndHalt(code);
        }
    }

    private static boolean recordingClassArchive() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"));
    }

    private static void detachAndHalt(int code) {
        detach(FileDescriptor.out);
        detach(FileDescriptor.err);
        Runtime.getRuntime().halt(code);
    }

    private static void detach(FileDescriptor descriptor) {
        try {
            new FileOutputStream(descriptor).close();
        } catch (IOException e) {
            // Already closed: nothing can be written there anyway.
        }
    }
}
