package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.engine.MediaConfig;
import dev.ttrtc.bridge.errors.RtcError;
import dev.ttrtc.bridge.media.MediaFactories;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.Ids;
import dev.ttrtc.runtime.HostOptions;
import dev.ttrtc.runtime.UrlMapping;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tt-host run}: the flags and their checks. Everything the user can get wrong is checked
 * here, before {@link RunSession} starts a server or prints a line.
 */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        usageHelpWidth = 100,
        description = {"Run a mini-program (or mini-game) project headless with a room server and the simulator page, "
                + "and print its event log live (stdout: one line per event; --json: one JSON object per line)."},
        footer = {"%nExamples:",
                "  tt-host run sample-miniapp --remote bob --remote-talk",
                "  tt-host run my-app --app-id 0123456789abcdef01234567 --app-key KEY --room lobby --user alice",
                "  tt-host run my-app --token-url https://api.example.com/rtc/token --duration 30s --json",
                "%nExit codes: 0 done, 2 a bad flag or a broken project, 3 the host failed (or the launch page never loaded)."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR",
            description = "The project folder (app.json, or game.js for a mini-game). Example: sample-miniapp")
    Path project;

    @Option(names = "--page", paramLabel = "PATH", description = "The page to open first instead of the app's launch page. Example: --page pages/room/room")
    String page;

    @Option(names = "--query", paramLabel = "K=V&...",
            description = "More launch query keys; values are taken as written (+ stays +, %%XX is decoded only where valid). Example: --query 'mode=video&debug=1'")
    String query;

    @Option(names = "--room", defaultValue = "demo-room", paramLabel = "ROOM", description = "The roomId put in the launch query. Example: --room lobby")
    String room;

    @Option(names = "--user", defaultValue = "me", paramLabel = "USER", description = "The userId put in the launch query. Example: --user alice")
    String user;

    @Option(names = "--app-id", defaultValue = DevelopmentApp.APP_ID, paramLabel = "ID",
            description = "The 24-character RTC appId tokens are minted for (the one your code passes to createRtcRoomContext); the development app's by default.")
    String appId;

    @Option(names = "--app-key", defaultValue = DevelopmentApp.APP_KEY, paramLabel = "KEY",
            description = "The key tokens are signed with (the embedded server admits it for --app-id). The development app's public key by default.", showDefaultValue = Visibility.NEVER)
    String appKey;

    @Option(names = "--token-url", showDefaultValue = Visibility.NEVER, paramLabel = "URL",
            description = "Your app server's token address: tt.request to it (or below it) is answered by the embedded server with a token for the roomId/userId it names. Example: --token-url https://api.example.com/rtc/token")
    List<String> tokenUrls = new ArrayList<>();

    @Option(names = "--map-url", showDefaultValue = Visibility.NEVER, paramLabel = "FROM=TO",
            description = "Send the project's requests for FROM to TO instead (repeatable). Example: --map-url https://api.example.com=http://127.0.0.1:8080")
    List<String> mapUrls = new ArrayList<>();

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "TIME",
            description = "Stop after this long (500ms, 10s, 2m). Default: until Ctrl-C. Example: --duration 10s")
    Duration duration;

    @Option(names = "--json", description = "Print one JSON object per line (every line, first to last).")
    boolean json;

    @Option(names = "--server", paramLabel = "ws://HOST:PORT/signal", converter = ServerUriConverter.class,
            description = "Use this room server instead of an embedded one. Example: --server ws://127.0.0.1:7700/signal")
    URI server;

    @Option(names = "--port", defaultValue = "0", paramLabel = "N",
            description = "Port of the embedded room server and simulator page (of the page alone with --server); 0 = any free port. Example: --port 7700")
    int port;

    @Option(names = "--remote", showDefaultValue = Visibility.NEVER, paramLabel = "USER", description = "Add a Java participant that joins the room and publishes audio and video (repeatable). Example: --remote bob")
    List<String> remotes = new ArrayList<>();

    @Option(names = "--remote-script", paramLabel = "FILE",
            description = "Schedule Java participants, one step a line: '<at> <user> <action> [kind]' (docs/cli.md). Example: --remote-script call.txt")
    Path remoteScript;

    @Option(names = "--remote-talk", description = "The --remote participants take turns talking (2 s each).")
    boolean remoteTalk;

    @Option(names = "--mic", defaultValue = "speech", paramLabel = "INPUT",
            description = "What the mini-program's microphone sends: speech, silence, tone:HZ, talk:SPEAK/PAUSE or wav:FILE. Example: --mic talk:2s/3s")
    String mic;

    @Option(names = "--no-media", description = "Signalling-only mode: rooms and members without audio or video (for load experiments).")
    boolean noMedia;

    @Option(names = "--stats-every", converter = DurationConverter.class, defaultValue = "5s", paramLabel = "TIME",
            description = "How often to print what the mini-program receives from each member (0 = never). Example: --stats-every 2s")
    Duration statsEvery;

    @Option(names = "--task-budget", converter = DurationConverter.class, defaultValue = "5s", paramLabel = "TIME",
            description = "CPU time one JS task may use before it is interrupted. Example: --task-budget 10s")
    Duration taskBudget;

    @Option(names = "--compile-cache", paramLabel = "DIR",
            description = "Keep compiled ES modules and TypeScript in DIR across runs. Default: the per-user cache (~/.cache/tt-rtc-host/compile). Example: --compile-cache .tt-cache")
    Path compileCache;

    @Option(names = "--esbuild", paramLabel = "PATH",
            description = "Compile with this esbuild executable (for platforms other than linux-x64). Example: --esbuild /usr/local/bin/esbuild")
    Path esbuild;

    @Mixin
    AutomatorOption automator;

    RemoteScript script;
    MediaConfig media;
    Map<String, String> extraQuery;
    List<UrlMapping> urlMappings;
    HostOptions hostOptions;
    /** Completes when the media factories are loaded; fails with {@link dev.ttrtc.bridge.engine.MediaUnavailableException}. */
    CompletableFuture<Void> mediaReady;

    @Override
    public Integer call() throws Exception {
        StartupTrace.mark("run command");
        check();
        StartupTrace.mark("flags checked");
        if (!noMedia) {
            PackageSetUp.ensureMedia(spec.commandLine().getErr());
        }
        // The native media library loads (about half a second) while the room server starts.
        mediaReady = noMedia ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(() -> {
            MediaFactories.ensureAvailable();
            StartupTrace.mark("media factories ready");
        }, runnable -> new Thread(runnable, "tt-media-warm-up").start());
        EventPrinter printer = new EventPrinter(spec.commandLine().getOut(), json);
        try (RunSession session = new RunSession(this, printer)) {
            if (!session.start()) {
                return Main.HOST_FAILURE;
            }
            session.waitForEnd();
        }
        return 0;
    }

    /** Every flag and file the run depends on; throws {@link UserError} with one line. */
    private void check() {
        if (!Files.isDirectory(project)) {
            throw new UserError("project folder not found: " + project);
        }
        if (!Ids.isValid(room) || !Ids.isValid(user)) {
            throw new UserError("--room and --user must be " + RtcError.ID_RULE);
        }
        if (!Ids.isValidAppId(appId)) {
            throw new UserError("--app-id must be " + Ids.APP_ID_RULE);
        }
        for (String remote : remotes) {
            if (!Ids.isValid(remote)) {
                throw new UserError("--remote '" + remote + "' is not a valid user id");
            }
        }
        if (remotes.stream().distinct().count() != remotes.size() || remotes.contains(user)) {
            throw new UserError("--remote names must differ from each other and from --user");
        }
        if (server != null && !tokenUrls.isEmpty()) {
            throw new UserError("--token-url needs the embedded room server (leave out --server)");
        }
        if (port < 0 || port > 65535) {
            throw new UserError("--port must be from 0 to 65535");
        }
        automator.checkPortFree();
        script = remoteScript == null ? null : RemoteScript.read(remoteScript);
        if (script != null && script.users().contains(user)) {
            throw new UserError("--remote-script names " + user + ", the mini-program's own --user");
        }
        media = noMedia ? MediaConfig.SIGNALLING_ONLY : MediaConfig.DEFAULT.withMicrophone(Microphones.parse(mic));
        extraQuery = LaunchQuery.parse(query);
        urlMappings = new ArrayList<>();
        for (String mapping : mapUrls) {
            urlMappings.add(mapping(() -> UrlMapping.parse(mapping)));
        }
        for (String url : tokenUrls) {
            // The target's port is known once the server runs; checked here against a stand-in.
            mapping(() -> UrlMapping.of(url, "http://127.0.0.1" + DevTokenEndpoint.PATH));
        }
        hostOptions = HostCommandOptions.hostOptions(taskBudget, compileCache, esbuild);
    }

    static UrlMapping mapping(java.util.function.Supplier<UrlMapping> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
