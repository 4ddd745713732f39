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
        err.println("Collections: configuration read ("
                + settings + ").");
        err.println("The HTTP server is not wired into this build yet: the domain and use cases are complete and"
                + " embeddable; the database and HTTP adapters land with the Collections API issue.");
        return 0;
    }

    private static String usage() {
        return "usage: java -jar collections-server.jar [serve]";
    }
}
