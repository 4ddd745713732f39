package io.collections.bootstrap;

import io.collections.domain.catalog.Provider;
import java.util.Map;
import java.util.Properties;

/**
 * A server in a JVM of its own, for the tests that kill one with {@code kill -9} or stop it with SIGTERM: wired like
 * the real one on the database named by its first argument, with a scripted shop that serves a page every 200 ms
 * after the second.
 * Prints {@code PORT <n>} once it listens, and {@code PAGE <n>} before the shop serves each page.
 */
public final class ImportServerProcess {
    private ImportServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ScriptedShop shop = slowShop();
        Settings settings = Settings.from(Map.of(
                "COLLECTIONS_PORT", "0",
                "COLLECTIONS_DB_URL", args[0],
                "COLLECTIONS_SECRET_KEY", args[1],
                "COLLECTIONS_JWT_SECRET", WiredServers.JWT_SECRET,
                "COLLECTIONS_IMPORT_REQUESTS_PER_SECOND", "1000"), new Properties());
        Wiring.RunningServer server = new Wiring(settings, provider -> shop, WiredServers.FAST).start();
        // As Main does: SIGTERM lets the requests in flight finish before the database closes.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "collections-shutdown"));
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The catalog the killed instance and its successor both serve. */
    static ScriptedShop catalog() {
        return new ScriptedShop(Provider.SHOPIFY, 12, 20);
    }

    private static ScriptedShop slowShop() {
        return catalog().beforePage(page -> {
            System.out.println("PAGE " + page);
            System.out.flush();
            if (page >= 2) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }
}
