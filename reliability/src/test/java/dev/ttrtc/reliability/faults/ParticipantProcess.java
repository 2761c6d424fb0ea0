package dev.ttrtc.reliability.faults;

import dev.ttrtc.bridge.engine.AppId;
import dev.ttrtc.bridge.engine.EngineConfig;
import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.engine.RoomConfig;
import dev.ttrtc.bridge.simulator.RemoteParticipant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Java participant with media in a JVM of its own, so that a test can kill its process
 * (SIGKILL: no leave, no close frame, nothing of it runs any more). {@link #main} joins, says
 * {@code joined} on stdout and waits to be killed.
 */
final class ParticipantProcess implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    private ParticipantProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "participant-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child JVM with this JVM's class path; it joins {@code room} as {@code user} through {@code signal}. */
    static ParticipantProcess start(URI signal, String room, String user) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ParticipantProcess.class.getName(), signal.toString(), room, user, FaultKit.token(room, user, 3600)))
                .redirectErrorStream(true).start();
        return new ParticipantProcess(process);
    }

    void awaitJoined() throws Exception {
        joined.get(FaultKit.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(FaultKit.DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private void readOutput() {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals("joined")) {
                    joined.complete(null);
                } else {
                    seen.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // The process was killed: its output ends.
        }
        joined.completeExceptionally(new AssertionError("the participant process ended without joining:\n" + seen));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    public static void main(String[] args) throws Exception {
        RemoteParticipant participant = new RemoteParticipant(
                EngineConfig.of(URI.create(args[0]), AppId.of(FaultKit.APP_ID), args[2]).withMedia(MediaConfig.DEFAULT),
                args[1], args[2], args[3], RoomConfig.DEFAULT);
        FaultKit.joinPublishing(participant);
        System.out.println("joined");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
