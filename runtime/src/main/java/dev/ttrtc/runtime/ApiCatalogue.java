package dev.ttrtc.runtime;

import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiEntry.Form;
import dev.ttrtc.runtime.api.ApiEntry.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every API on {@code tt}: what the API modules of a host declare (implemented or host rule) and
 * every other API of the platform (not available): those its typings declare, and those its
 * documentation gives that the typings lack. Built by
 * {@link MiniProgramHost#apiCatalogue()}; {@link #markdown()} is {@code docs/apis.md}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiCatalogue {
    /** The typings release whose API list {@link #platformApis()} holds (with the documented ones it lacks). */
    public static final String TYPINGS = "@douyin-microapp/typings 1.3.1";
    /** The errNo every "not available" stand-in fails with: the platform's "feature is not supported in app". */
    public static final int NOT_AVAILABLE_ERRNO = 10301;

    private static final List<PlatformApi> PLATFORM_APIS = readPlatformApis();

    /**
     * One API of the catalogue.
     *
     * @param module the simple class name of the module that implements it; empty when not available
     * @param inTypings whether {@link #TYPINGS} declares it
     * @param platform whether the platform has it (the typings or the documentation); the rest
     *     are APIs the host adds, such as RTC
     */
    public record Entry(String name, Form form, Status status, String module, String note, boolean inTypings, boolean platform) {
    }

    /**
     * An API of the platform, with its form.
     *
     * @param inTypings whether {@link #TYPINGS} declares it; false for one only the documentation gives
     */
    public record PlatformApi(String name, Form form, boolean inTypings) {
    }

    private final Map<String, Entry> entries;

    private ApiCatalogue(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * The catalogue of modules' declarations, keyed by module name, completed with the platform's
     * APIs none of them implements.
     *
     * @throws IllegalStateException when two modules declare the same API
     */
    public static ApiCatalogue of(Map<String, List<ApiEntry>> declarationsByModule) {
        Map<String, PlatformApi> platform = new LinkedHashMap<>();
        PLATFORM_APIS.forEach(api -> platform.put(api.name(), api));
        Map<String, Entry> entries = new TreeMap<>();
        declarationsByModule.forEach((module, declared) -> {
            for (ApiEntry api : declared) {
                PlatformApi known = platform.get(api.name());
                Entry previous = entries.put(api.name(), new Entry(api.name(), api.form(), api.status(), module,
                        api.note(), known != null && known.inTypings(), known != null));
                if (previous != null) {
                    throw new IllegalStateException("tt." + api.name() + " is declared by both " + previous.module()
                            + " and " + module);
                }
            }
        });
        for (PlatformApi api : PLATFORM_APIS) {
            entries.putIfAbsent(api.name(), new Entry(api.name(), api.form(), Status.NOT_AVAILABLE, "", "", api.inTypings(), true));
        }
        return new ApiCatalogue(Collections.unmodifiableMap(entries));
    }

    /** Every API the typings ({@link #TYPINGS}) put on {@code tt}, then those only the documentation gives. */
    public static List<PlatformApi> platformApis() {
        return PLATFORM_APIS;
    }

    /** Every API, sorted by name. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The catalogue as the Markdown document {@code docs/apis.md}. */
    public String markdown() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        entries.values().forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        long extra = entries.values().stream().filter(e -> !e.platform()).count();
        long typed = PLATFORM_APIS.stream().filter(PlatformApi::inTypings).count();
        StringBuilder md = new StringBuilder();
        md.append("# The tt APIs of tt-rtc-host\n\n")
                .append("Generated from the API catalogue (`dev.ttrtc.runtime.ApiCatalogue`); do not edit by hand.\n")
                .append("`ApiDocsTest` fails when this file is stale; regenerate it with\n\n")
                .append("```\nmvn -B -q -pl bridge -am test -Dtest=ApiDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dtt.writeApiDocs=true\n```\n\n")
                .append(entries.size()).append(" APIs: the ").append(typed).append(" that ")
                .append(TYPINGS).append(" put on `tt`, ").append(PLATFORM_APIS.size() - typed)
                .append(" more that the platform documents and the typings lack, and ").append(extra)
                .append(" more that the host adds. ")
                .append(counts.getOrDefault(Status.IMPLEMENTED, 0)).append(" implemented, ")
                .append(counts.getOrDefault(Status.HOST_RULE, 0)).append(" host rules, ")
                .append(counts.getOrDefault(Status.NOT_AVAILABLE, 0)).append(" not available.\n\n")
                .append("- **implemented**: behaves as on a phone, with the documented payloads, errMsg and errNo.\n")
                .append("- **host rule**: works; where a phone has hardware, a user or a service, the host has a rule\n")
                .append("  (the note says which, and how an embedder changes the answer).\n")
                .append("- **not available**: present on `tt`, so that code written for the platform loads, but an async\n")
                .append("  API fails through `fail`/`complete` with `{errMsg: \"<name>:fail not available in tt-rtc-host\", errNo: ")
                .append(NOT_AVAILABLE_ERRNO).append("}`\n")
                .append("  (the platform's \"feature is not supported in app\" code), a sync API throws an `Error` with that message,\n")
                .append("  and a value is an empty object. `tt.canIUse` answers false, and the first use of each records an ERROR\n")
                .append("  entry in the event log.\n\n")
                .append("Forms: **async** answers through success/fail/complete; **sync** returns or throws (listener\n")
                .append("registrations are sync); **value** is a property. A name that is no API at all (`tt.reqest`) is\n")
                .append("undefined, so feature checks such as `if (tt.x)` work; calling it throws\n")
                .append("`TypeError: tt.reqest is not a function` in project files.\n\n")
                .append("| API | status | form | module | typings | notes |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Entry e : entries.values()) {
            md.append("| `").append(e.name()).append("` | ").append(e.status().label()).append(" | ")
                    .append(e.form().wireName()).append(" | ").append(e.module().isEmpty() ? "" : "`" + e.module() + "`")
                    .append(" | ").append(e.inTypings() ? "yes" : e.platform() ? "docs" : "").append(" | ")
                    .append(e.note().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    private static List<PlatformApi> readPlatformApis() {
        List<PlatformApi> apis = new ArrayList<>(readPlatformApis("platform-apis.tsv", true));
        apis.addAll(readPlatformApis("platform-apis-documented.tsv", false));
        return List.copyOf(apis);
    }

    private static List<PlatformApi> readPlatformApis(String resource, boolean inTypings) {
        try (InputStream in = ApiCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing runtime resource " + resource);
            }
            List<PlatformApi> apis = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                apis.add(new PlatformApi(columns[0], Form.of(columns[1]), inTypings));
            }
            return List.copyOf(apis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
