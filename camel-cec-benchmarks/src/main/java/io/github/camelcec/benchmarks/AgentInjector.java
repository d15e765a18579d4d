package io.github.camelcec.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends agent messages to the simulator at a fixed rate from a JVM of its own, so that the CPU the sending costs is
 * not counted as the client's (the paced phase of {@link StateBenchmark}). Only JDK classes: it runs from the
 * benchmark's classes directory or jar alone. Arguments: baseUrl, user-id prefix, customers, count, rate per second,
 * message tag.
 */
public final class AgentInjector {

    private static final int THREADS = 16;

    private AgentInjector() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String prefix = args[1];
        int customers = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        String tag = args[5];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L * THREADS / rate;
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            Thread sender = new Thread(() -> {
                try {
                    sendShare(http, baseUrl, prefix, customers, count, first, start, intervalNanos, tag);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    // the harness waits for every message: say at once that some never went out
                    System.exit(1);
                }
            }, "agent-injector-" + t);
            sender.start();
            senders.add(sender);
        }
        for (Thread t : senders) {
            t.join();
        }
    }

    private static void sendShare(HttpClient http, String baseUrl, String prefix, int customers, int count, int first,
                                  long start, long intervalNanos, String tag) {
        for (int i = first, k = 0; i < count; i += THREADS, k++) {
            // pacing: each message has its slot in the schedule, whenever the previous one was answered
            long wait = start + k * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(http, baseUrl + "/admin/agent/" + prefix + (i % customers) + "/messages", tag + i);
        }
    }

    private static void send(HttpClient http, String url, String text) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")).build();
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException stale) {
                // mostly a kept-alive connection the simulator had closed; at worst one message arrives twice
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url + " interrupted", e);
        }
    }

    /**
     * Runs the injector in a child JVM and waits for it: {@code count} messages at {@code rate} per second, round robin
     * over the customers.
     */
    static void run(String baseUrl, String prefix, int customers, int count, int rate, String tag)
            throws IOException, InterruptedException {
        Path classes = Path.of(AgentInjector.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classes.toString(), AgentInjector.class.getName(), baseUrl, prefix, Integer.toString(customers),
                Integer.toString(count), Integer.toString(rate), tag).inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("The agent injector ended with " + exit);
        }
    }
}
