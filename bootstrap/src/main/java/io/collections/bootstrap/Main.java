package io.collections.bootstrap;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

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
                    return serve(Settings.fromEnvironment(), err);
                case "fetch":
                    return new FetchCommand(new Wiring(Settings.fromEnvironment()).catalogSources(), out, err)
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

    private static int serve(Settings settings, PrintStream err) {
        Wiring.RunningServer server;
        try {
            server = new Wiring(settings).start();
        } catch (io.collections.adapter.jdbc.DatabaseUnavailableException e) {
            err.println("cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "collections-shutdown"));
        err.println("Collections listening on http://localhost:" + server.port() + " (database "
                + redacted(settings.databaseUrl()) + ")");
        err.println("Every request acts as client 'demo', user 'developer', role Owner: JWT authentication is not"
                + " wired into this build yet.");
        return 0;
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String usage() {
        return "usage: java -jar collections-server.jar [serve]\n"
                + "       java -jar collections-server.jar " + FetchCommand.usage();
    }
}
