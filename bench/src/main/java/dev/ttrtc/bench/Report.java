package dev.ttrtc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where results go: markdown on stdout as each table completes (so a long run shows progress),
 * the same numbers as JSON lines (to {@code --json FILE}, or on stdout in a fenced block after
 * each table), and the markdown kept for RESULTS.md.
 */
public final class Report implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Writer jsonFile;
    private final StringBuilder markdown = new StringBuilder();

    /** @param jsonPath where JSON lines go, or null to print them on stdout */
    public Report(PrintStream out, Path jsonPath) {
        this.out = out;
        try {
            this.jsonFile = jsonPath == null ? null : Files.newBufferedWriter(jsonPath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jsonPath, e);
        }
    }

    /** Markdown text (a heading or a paragraph), printed and kept. */
    public void text(String markdownText) {
        String block = markdownText.endsWith("\n") ? markdownText : markdownText + "\n";
        markdown.append(block).append("\n");
        out.println(block);
        out.flush();
    }

    public void table(Table table) {
        text(table.markdown());
        json(table.json());
    }

    /** A JSON object that is not a table row (the machine facts, the total time). */
    public void json(ObjectNode node) {
        json(List.of(node));
    }

    private void json(List<ObjectNode> lines) {
        try {
            if (jsonFile != null) {
                for (ObjectNode line : lines) {
                    jsonFile.write(JSON.writeValueAsString(line));
                    jsonFile.write('\n');
                }
                jsonFile.flush();
            } else {
                out.println("```json");
                for (ObjectNode line : lines) {
                    out.println(JSON.writeValueAsString(line));
                }
                out.println("```");
                out.println();
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A progress line on stderr: not part of the results. */
    public void progress(String line) {
        System.err.println("bench: " + line);
        System.err.flush();
    }

    /** Everything printed as markdown so far. */
    public String markdown() {
        return markdown.toString();
    }

    @Override
    public void close() {
        if (jsonFile != null) {
            try {
                jsonFile.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
