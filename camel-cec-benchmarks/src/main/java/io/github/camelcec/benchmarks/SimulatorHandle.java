package io.github.camelcec.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.simulator.CecSimulator;

/**
 * The simulator under the benchmarks: by default the standalone jar in its own JVM (so this JVM's CPU, threads and
 * heap are the client's alone; both JVMs still share the machine's cores), or embedded with {@code -Dcec.sim=embedded}.
 * Everything the harnesses need goes through the admin endpoints, so both kinds behave the same.
 */
public final class SimulatorHandle implements AutoCloseable {

    public static final String APP_KEY = "demo-app-key";
    public static final String APP_SECRET = "demo-app-secret";
    public static final String CHANNEL_CONFIG_ID = "demo-channel-config";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final CecSimulator embedded;
    private final String baseUrl;
    private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SimulatorHandle(Process process, CecSimulator embedded, String baseUrl) {
        this.process = process;
        this.embedded = embedded;
        this.baseUrl = baseUrl;
    }

    public static SimulatorHandle start(int customerTokenTtlSeconds) throws IOException {
        if ("embedded".equals(System.getProperty("cec.sim", "process"))) {
            CecSimulator sim = CecSimulator.builder().journalCapacity(1000)
                    .customerTokenTtl(Duration.ofSeconds(customerTokenTtlSeconds)).build().start();
            return new SimulatorHandle(null, sim, sim.baseUrl());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(System.getProperty("cec.sim.heap", "-Xmx4g"));
        command.add("-jar");
        command.add(standaloneJar().toString());
        command.addAll(List.of("--port", "0", "--customer-token-ttl", Integer.toString(customerTokenTtlSeconds)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                String url = line.substring(at + "listening on ".length()).trim();
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // the simulator logs little; keep its pipe from filling up
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                }, "simulator-output");
                drain.setDaemon(true);
                drain.start();
                return new SimulatorHandle(p, null, url);
            }
        }
        p.destroyForcibly();
        throw new IOException("The simulator ended before it printed its address");
    }

    /** {@code -Dcec.sim.jar}, else the simulator module's target/, else the local Maven repository. */
    static Path standaloneJar() throws IOException {
        String name = "camel-cec-simulator-0.1.0-SNAPSHOT-standalone.jar";
        List<Path> candidates = new ArrayList<>();
        if (System.getProperty("cec.sim.jar") != null) {
            candidates.add(Path.of(System.getProperty("cec.sim.jar")));
        }
        candidates.add(Path.of("camel-cec-simulator", "target", name));
        candidates.add(Path.of("..", "camel-cec-simulator", "target", name));
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "github", "camelcec",
                "camel-cec-simulator", "0.1.0-SNAPSHOT", name));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IOException("No standalone simulator jar in " + candidates + ": run mvn -pl camel-cec-simulator "
                              + "install first, or pass -Dcec.sim.jar=" + File.separator + "path or -Dcec.sim=embedded");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The simulator's process when it runs in its own JVM (for its CPU time), else null. */
    public ProcessHandle processHandle() {
        return process == null ? null : process.toHandle();
    }

    public String kind() {
        return process == null ? "embedded (same JVM)" : "separate JVM (standalone jar)";
    }

    /** Requests served per operation (never capped), from {@code GET /admin/counters}. */
    public Map<String, Long> counters() {
        return JSON.convertValue(adminCall("GET", "/admin/counters", null), new TypeReference<Map<String, Long>>() {
        });
    }

    public long count(String operation) {
        return counters().getOrDefault(operation, 0L);
    }

    /**
     * The simulator's retained journal ({@code GET /admin/journal}, newest 10,000 requests), each entry as the admin
     * API writes it: operation, uri, clientId, at (an ISO instant), ...
     */
    public List<Map<String, Object>> journal() {
        return JSON.convertValue(adminCall("GET", "/admin/journal", null),
                new TypeReference<List<Map<String, Object>>>() {
                });
    }

    public void sendAgentMessage(String userId, String text) {
        adminCall("POST", "/admin/agent/" + userId + "/messages", Map.of("text", text));
    }

    public void faults(Map<String, Object> settings) {
        adminCall("POST", "/admin/faults", settings);
    }

    public void clearFaults() {
        adminCall("DELETE", "/admin/faults", null);
    }

    public void expireGatewayTokens() {
        adminCall("POST", "/admin/tokens/expire-gateway", null);
    }

    private Object adminCall(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = admin.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                                                + new String(response.body(), StandardCharsets.UTF_8));
            }
            return JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
