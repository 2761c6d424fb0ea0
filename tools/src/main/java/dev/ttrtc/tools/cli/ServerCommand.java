package dev.ttrtc.tools.cli;

import dev.ttrtc.bridge.signal.AccessToken;
import dev.ttrtc.bridge.signal.DevelopmentApp;
import dev.ttrtc.bridge.signal.server.RoomServer;
import dev.ttrtc.bridge.simulator.Simulator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tt-host server}: runs the room server (and the simulator page) until Ctrl-C. */
@Command(name = "server", mixinStandardHelpOptions = true, usageHelpWidth = 100, showDefaultValues = true,
        description = "Run the room server and the simulator page until Ctrl-C. Mini-programs and tools join its rooms at "
                + "ws://127.0.0.1:PORT/signal; the page is at http://127.0.0.1:PORT/.",
        footer = {"%nExamples:",
                "  tt-host server",
                "  tt-host server --port 7800 --app 0123456789abcdef01234567:MY_KEY",
                "  tt-host run my-app --server ws://127.0.0.1:7700/signal   (a run against it)",
                "%nExit codes: 0 stopped, 2 a bad flag or a port in use, 3 the host failed."})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7700", paramLabel = "N", description = "Port to listen on (0 = any free port). Example: --port 7800")
    int port;

    @Option(names = "--app", showDefaultValue = Visibility.NEVER, paramLabel = "ID:KEY", description = "Admit tokens of this app (repeatable); the development app is always admitted. Example: --app 0123456789abcdef01234567:MY_KEY")
    List<String> apps = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        RoomServer.Builder builder = RoomServer.builder().port(port);
        for (String app : apps) {
            int colon = app.indexOf(':');
            if (colon != AccessToken.APP_ID_LENGTH || colon == app.length() - 1) {
                throw new UserError("--app must be ID:KEY with a 24-character appId, got '" + app + "'");
            }
            builder.app(app.substring(0, colon), app.substring(colon + 1));
        }
        RoomServer server = Servers.start(builder, port);
        // The page mints tokens for the development app, which every server admits.
        Simulator simulator = Simulator.builder(server.signalUri()).rooms(server::rooms).build();
        server.mount("/", simulator.handler());
        PrintWriter out = spec.commandLine().getOut();
        out.println("room server listening on " + server.signalUri());
        out.println("rooms: " + server.httpUri() + "api/rooms");
        out.println("simulator " + simulator.pageUri(server.httpUri()));
        out.println("development app: appId " + DevelopmentApp.APP_ID + " appKey " + DevelopmentApp.APP_KEY);
        out.println("press Ctrl-C to stop");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            server.close();
            stopped.countDown();
        }, "tt-server-shutdown"));
        stopped.await();
        return 0;
    }
}
