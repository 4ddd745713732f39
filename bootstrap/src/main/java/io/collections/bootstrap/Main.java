package io.collections.bootstrap;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The runnable jar's entry point: {@code serve} (the default), {@code token} and {@code fetch}. Configuration
 * errors end the process with status 2 and one line naming what is wrong, never a stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "serve" : args.get(0);
        try {
            switch (command) {
                case "serve":
                    return serve(Settings.fromEnvironment(), out, err);
                case "token":
                    out.println(TokenCommand.run(args.subList(1, args.size()), Settings.fromEnvironment(),
                            Clock.systemUTC()));
                    return 0;
                case "fetch":
                    return new FetchCommand(Wiring.catalogSources(Settings.fromEnvironment()), out, err)
                            .run(args.subList(1, args.size()));
                case "help":
                case "--help":
                    out.println(usage());
                    return 0;
                default:
                    err.println("unknown command '" + command + "'\n" + usage());
                    return 2;
            }
        } catch (ConfigurationException e) {
            err.println("configuration error: " + e.getMessage());
            return 2;
        }
    }

    private static int serve(Settings settings, PrintStream out, PrintStream err) {
        Optional<Wiring.RunningServer> server = start(settings, out, err);
        server.ifPresent(running -> Runtime.getRuntime().addShutdownHook(
                new Thread(running::stop, "collections-shutdown")));
        return server.isPresent() ? 0 : 1;
    }

    /**
     * Starts the server and says where it listens; on a run without a configured key, also prints the first-run
     * token. Empty, after saying why, when the database cannot be reached.
     */
    static Optional<Wiring.RunningServer> start(Settings settings, PrintStream out, PrintStream err) {
        Wiring wiring = new Wiring(settings);
        Wiring.RunningServer server;
        try {
            server = wiring.start();
        } catch (io.collections.adapter.jdbc.DatabaseUnavailableException e) {
            err.println("cannot start: " + e.getMessage());
            return Optional.empty();
        }
        err.println("Collections listening on http://localhost:" + server.port() + " (database "
                + redacted(settings.databaseUrl()) + "; tokens: " + wiring.authentication() + ")");
        wiring.firstRunToken().ifPresent(token -> printFirstRunToken(token, server.port(), out));
        return Optional.of(server);
    }

    /** On standard output, apart from the log on standard error, so it is easy to copy and never logged. */
    private static void printFirstRunToken(String token, int port, PrintStream out) {
        out.println("No COLLECTIONS_JWT_SECRET or COLLECTIONS_JWT_PUBLIC_KEY is set, so this run made a random"
                + " secret; tokens signed with it stop working when the server stops.");
        out.println("An Owner token for client '" + JwtSetup.DEMO_CLIENT + "', user '" + JwtSetup.DEMO_USER
                + "', valid " + JwtSetup.FIRST_RUN_TOKEN_TTL.toHours() + " hours:");
        out.println();
        out.println(token);
        out.println();
        out.println("For example: curl -H \"Authorization: Bearer $TOKEN\" http://localhost:" + port + "/v1/collections");
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String usage() {
        return "usage: java -jar collections-server.jar [serve]\n"
                + "       java -jar collections-server.jar " + TokenCommand.USAGE + "\n"
                + "       java -jar collections-server.jar " + FetchCommand.usage();
    }
}
