package dev.ttrtc.runtime.internal.apis.recorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file a recording is written to as it goes: raw PCM for format {@code pcm}; for {@code wav}
 * the same data behind a 44-byte RIFF header whose sizes are filled in when the recording ends.
 * Capture thread only.
 */
final class RecordingFile implements AutoCloseable {
    static final int WAV_HEADER_BYTES = 44;

    private final FileChannel channel;
    private final RecordSettings settings;
    private final boolean wav;
    private long dataBytes;

    RecordingFile(Path file, RecordSettings settings) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.settings = settings;
        this.wav = "wav".equals(settings.format());
        if (wav) {
            writeFully(ByteBuffer.allocate(WAV_HEADER_BYTES), 0);
        }
    }

    void write(byte[] pcm) throws IOException {
        writeFully(ByteBuffer.wrap(pcm), position());
        dataBytes += pcm.length;
    }

    /** Completes the header (for wav) and closes the file. */
    void finish() throws IOException {
        try {
            if (wav) {
                writeFully(wavHeader(), 0);
            }
        } finally {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private long position() {
        return (wav ? WAV_HEADER_BYTES : 0) + dataBytes;
    }

    private ByteBuffer wavHeader() {
        int block = settings.blockAlign();
        ByteBuffer h = ByteBuffer.allocate(WAV_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) settings.channels()).putInt(settings.sampleRate())
                .putInt(settings.sampleRate() * block).putShort((short) block).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }

    private void writeFully(ByteBuffer buffer, long at) throws IOException {
        long position = at;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }
}
