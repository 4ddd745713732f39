package io.collections.bench.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.collections.domain.catalog.Provider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A platform's fake on loopback, in a process of its own so that its memory does not count against the fetcher's
 * {@code -Xmx256m}: each distinct request's answer is generated once and then served from memory, so from the
 * second fetch on the fake answers at loopback speed. Usage: {@code FakeServer <provider> <products>}; prints
 * {@code port N} and serves until its standard input closes (when the benchmark that started it ends).
 */
public final class FakeServer {
    private FakeServer() {
    }

    public static void main(String[] args) throws IOException {
        FakePlatform fake = FakePlatforms.create(Provider.fromPathName(args[0]), Integer.parseInt(args[1]));
        Map<String, FakePlatform.Answer> answers = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(fake, answers, exchange));
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // Serves until the benchmark closes this process's standard input.
            }
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    private static void serve(FakePlatform fake, Map<String, FakePlatform.Answer> answers, HttpExchange exchange)
            throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(body, StandardCharsets.UTF_8);
            FakePlatform.Answer answer = answers.computeIfAbsent(key,
                    k -> fake.answer(exchange.getRequestMethod(), exchange.getRequestURI(), body));
            for (int i = 0; i < answer.headers().length; i += 2) {
                exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
