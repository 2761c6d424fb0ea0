package dev.ttrtc.bench;

import java.util.List;

/** One benchmark: declares its flags, measures, and adds its tables to the report. */
public interface Benchmark {

    /** A stable id, {@code <suite>.<name>}, repeated in the JSON rows. */
    String id();

    /** The flags it reads, with defaults sized for the whole run to stay under ~6 minutes on 2 cores. */
    List<Flags.Spec> flags();

    void run(Flags flags, Report report) throws Exception;
}
