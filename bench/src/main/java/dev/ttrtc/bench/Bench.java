package dev.ttrtc.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark programs' entry point: {@code Bench <startup|calls|rooms|relay|media|reference|simulator|all> [flags]}.
 * Prints a header with the machine's facts, then each benchmark's tables as they complete.
 * {@code all} also writes BENCHMARKS.md at the repository root (not under {@code --quick}, whose
 * numbers are not to be quoted). Exit codes: 0 done, 1 a benchmark failed (the others still ran),
 * 2 a bad command line.
 */
public final class Bench {
    private static final List<Flags.Spec> GLOBAL_FLAGS = List.of(
            Flags.Spec.of("json", "", "", "write the JSON lines to this file instead of stdout"),
            Flags.Spec.of("results", "", "", "write the markdown to this file (`all` without --quick writes BENCHMARKS.md)"));

    /** The header line the written file's "after the run" line follows. */
    private static final String LOAD_BEFORE = "- load average (1/5/15 min) before the run: ";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) throws Exception {
        List<Flags.Spec> specs = new ArrayList<>(GLOBAL_FLAGS);
        Suite.everyBenchmark().forEach(b -> specs.addAll(b.flags()));
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            System.err.println(usage(specs));
            return args.contains("--help") || args.contains("-h") ? 0 : 2;
        }
        String suiteName = args.get(0);
        var suites = Suite.select(suiteName);
        Flags flags;
        try {
            if (suites.isEmpty()) {
                throw new Flags.UsageException("unknown suite " + suiteName + " (" + Suite.names() + " or all)");
            }
            flags = Flags.parse(args.subList(1, args.size()), specs);
        } catch (Flags.UsageException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        if (flags.help()) {
            System.err.println(usage(specs));
            return 0;
        }

        String loadBefore = ProcessMetrics.loadAverage();
        long started = System.nanoTime();
        Machine machine = Machine.detect();
        String command = "bench/run " + suiteName + (flags.given().isEmpty() ? "" : " " + String.join(" ", flags.given()));
        boolean failed = false;
        try (Report report = new Report(System.out, flags.optional("json").map(Path::of).orElse(null))) {
            report.text("# tt-rtc-host benchmarks\n\n"
                    + "- command: `" + command + "`\n"
                    + "- date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME) + "\n"
                    + "- code: " + codeVersion() + "\n"
                    + LOAD_BEFORE + loadBefore + busyNote(loadBefore) + "\n"
                    + machine.markdown()
                    + "- percentiles are nearest-rank (each is a measured value; with fewer than 20 samples p95 is the "
                    + "maximum, with fewer than 100 p99 is)\n"
                    + "- everything runs on this one machine: room server, participants and mini-programs share its cores; "
                    + "all traffic stays on 127.0.0.1");
            report.json(machine.json());
            for (Suite suite : suites.get()) {
                report.text("## " + suite.wireName() + "\n\n" + suite.description());
                for (Benchmark benchmark : suite.benchmarks()) {
                    report.progress("running " + benchmark.id());
                    long benchStarted = System.nanoTime();
                    try {
                        benchmark.run(flags, report);
                    } catch (Exception | AssertionError e) {
                        failed = true;
                        report.text("**" + benchmark.id() + " failed:** " + e);
                        e.printStackTrace();
                    }
                    report.progress(benchmark.id() + " took " + seconds(System.nanoTime() - benchStarted) + " s");
                }
            }
            double total = (System.nanoTime() - started) / 1e9;
            report.text(String.format(java.util.Locale.ROOT, "Total run time: %.0f s. Load average (1/5/15 min) at the end: %s.",
                    total, ProcessMetrics.loadAverage()));
            ObjectNode end = JsonNodeFactory.instance.objectNode();
            end.put("bench", "total");
            end.put("command", command);
            end.put("seconds", Math.round(total * 10) / 10.0);
            end.put("load_average_before", loadBefore);
            end.put("load_average_end", ProcessMetrics.loadAverage());
            report.json(end);
            // A --quick run's numbers are not to be quoted: it replaces BENCHMARKS.md only when asked to.
            if (flags.optional("results").isPresent() || (suites.get().size() > 1 && !flags.quick())) {
                Path results = flags.optional("results").map(Path::of).orElse(Projects.root().resolve("BENCHMARKS.md"));
                String loadAfter = ProcessMetrics.loadAverage();
                String markdown = report.markdown();
                int after = markdown.indexOf('\n', markdown.indexOf(LOAD_BEFORE)) + 1;
                markdown = markdown.substring(0, after) + "- load average (1/5/15 min) after the run: " + loadAfter
                        + busyNote(loadAfter) + "\n- run time: " + String.format(java.util.Locale.ROOT, "%.0f s", total) + "\n"
                        + markdown.substring(after);
                writeResults(results, markdown);
                report.progress("wrote " + results);
            }
        }
        return failed ? 1 : 0;
    }

    private static void writeResults(Path file, String markdown) throws IOException {
        String note = "<!-- Generated by `bench/run all` (dev.ttrtc.bench.Bench); rerun it to refresh. Numbers are from "
                + "one machine; bench/README.md says what each table measures. -->\n\n";
        Files.writeString(file, note + markdown);
    }

    /** A hint when the machine was busy: every number of a run on a loaded machine is slower. */
    private static String busyNote(String loadAverage) {
        try {
            double oneMinute = Double.parseDouble(loadAverage.split(" ")[0]);
            int cores = Runtime.getRuntime().availableProcessors();
            if (oneMinute >= 0.5) {
                return String.format(java.util.Locale.ROOT, " (%.0f %% of %d cores busy on average over the last minute: "
                        + "other work shared the machine, and the numbers are slower for it)",
                        Math.min(100, oneMinute * 100 / cores), cores);
            }
        } catch (RuntimeException e) {
            // An unknown load average gets no note.
        }
        return "";
    }

    /** The commit measured, and whether the working tree differed from it. */
    private static String codeVersion() {
        try {
            String commit = git("rev-parse", "--short", "HEAD");
            String changes = git("status", "--porcelain", "--untracked-files=no");
            return "commit " + commit + (changes.isEmpty() ? "" : " with uncommitted changes");
        } catch (IOException | InterruptedException e) {
            return "unknown (no git)";
        }
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", Projects.root().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException(out);
        }
        return out;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String usage(List<Flags.Spec> specs) {
        StringBuilder out = new StringBuilder("usage: bench/run <suite> [--quick] [flags]\n\nsuites:\n");
        for (Suite suite : Suite.values()) {
            out.append(String.format("  %-9s %s%n", suite.wireName(), suite.description()));
        }
        out.append(String.format("  %-9s %s%n", "all", "every suite but compile, and write BENCHMARKS.md"));
        out.append("\nflags:\n").append(Flags.usage(specs));
        return out.toString();
    }
}
