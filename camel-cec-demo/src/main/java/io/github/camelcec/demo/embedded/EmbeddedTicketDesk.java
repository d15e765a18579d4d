package io.github.camelcec.demo.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the ticketing/CRM REST API: {@code POST /tickets} with a JSON body is stored and answered
 * {@code 201 {"id":"TCK-n"}}; anything else is 404/405.
 */
public final class EmbeddedTicketDesk implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<String> tickets = new CopyOnWriteArrayList<>();

    private EmbeddedTicketDesk(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static EmbeddedTicketDesk start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "ticket-desk");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            EmbeddedTicketDesk desk = new EmbeddedTicketDesk(server, executor);
            server.createContext("/tickets", desk::handle);
            server.start();
            return desk;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded ticket desk", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            tickets.add(body);
            byte[] answer = ("{\"id\":\"TCK-" + tickets.size() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tickets";
    }

    /** The JSON bodies received, oldest first. */
    public List<String> tickets() {
        return List.copyOf(tickets);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
