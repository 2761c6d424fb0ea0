package dev.ttrtc.tools.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * Ends the process once a command has closed everything it started and flushed its output.
 *
 * <p>Why it detaches standard output and error first: the JVM's exit runs the C runtime's exit
 * handlers on its "VM Thread" after the VM itself is gone. webrtc-java 0.14.0 keeps its JNI class
 * cache in a function-local static map of global references ({@code jni::JavaClasses}); the
 * map's destructor deletes them through {@code AttachCurrentThread}, which fails on an exiting VM
 * and prints {@code VM attach current thread failed} / {@code Failed to attach thread N} with
 * {@code std::cout}, into our stdout. Nothing in Java can skip those handlers (no {@code _exit}
 * without JDK 17's incubating FFI) and disposing media does not empty that cache, so the process
 * points descriptors 1 and 2 at /dev/null (what the JDK does when a standard descriptor is closed)
 * once everything of ours is written. Halting then skips shutdown hooks, which have nothing left
 * to do.
 */
final class ProcessExit {
    private ProcessExit() {
    }

    static void exit(int code) {
        System.out.flush();
        System.err.flush();
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
