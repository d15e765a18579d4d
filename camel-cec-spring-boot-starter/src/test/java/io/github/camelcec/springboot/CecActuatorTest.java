package io.github.camelcec.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.simulator.CecSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What actuator shows of the component over HTTP: its health checks, and never a secret option's value. */
@SpringBootTest(classes = {CecTestApplication.class, CecActuatorTest.Routes.class},
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {
                    "management.endpoints.web.exposure.include=health,configprops,env",
                    "management.endpoint.health.show-details=always",
                    "management.endpoint.configprops.show-values=always",
                    "management.endpoint.env.show-values=always",
                    "camel.health.producers-enabled=true",
                    "camel.health.exposure-level=full",
                    "camel.component.cec.locale=zh"
                })
@DirtiesContext
class CecActuatorTest {

    private static final CecSimulator SIM = CecSimulator.builder().build().start();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        SimulatorProperties.register(registry, SIM);
    }

    @AfterAll
    static void stopSimulator(@Autowired CamelContext camel) {
        camel.stop();
        SIM.close();
    }

    @Test
    void healthShowsTheComponentsChecks() {
        // the poll consumer's check is DOWN until its first poll (initialDelay), then UP
        JsonNode camel = await().atMost(Duration.ofSeconds(20))
                .until(() -> JSON.readTree(send("/actuator/health").body()).path("components").path("camelHealth"),
                        c -> "UP".equals(c.path("status").asText()))
                .path("details");

        Map<String, JsonNode> checks = new LinkedHashMap<>();
        camel.properties().forEach(e -> checks.put(e.getKey(), e.getValue()));
        assertThat(checks).hasEntrySatisfying(producerCheck(checks), status -> assertThat(status.asText()).isEqualTo("UP"));
        assertThat(checks.get(producerCheck(checks) + ".data").path("baseUrl").asText()).isEqualTo(SIM.baseUrl());
        String consumerCheck = checks.values().stream()
                .filter(data -> data.path("endpoint.uri").asText().startsWith("cec://poll"))
                .map(data -> data.path("check.id").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no cec:poll consumer check in " + camel));
        assertThat(checks.get(consumerCheck).asText()).isEqualTo("UP");
    }

    private static String producerCheck(Map<String, JsonNode> checks) {
        return checks.keySet().stream().filter(id -> id.startsWith("producer:cec-") && !id.endsWith(".data"))
                .findFirst().orElseThrow(() -> new AssertionError("no cec producer check in " + checks.keySet()));
    }

    @Test
    void configpropsMasksTheSecretOptionsAndShowsTheOthers() throws Exception {
        JsonNode cec = find(get("/actuator/configprops"), "camel.component.cec").path("properties");

        assertThat(cec.path("locale").asText()).isEqualTo("zh");
        assertThat(cec.path("appKey").asText()).isEqualTo("******");
        assertThat(cec.path("appSecret").asText()).isEqualTo("******");
        assertThat(cec.toString()).doesNotContain(SIM.appSecret());
    }

    @Test
    void envMasksTheSecretOptionsAndShowsTheOthers() throws Exception {
        assertThat(get("/actuator/env/camel.component.cec.locale").path("property").path("value").asText())
                .isEqualTo("zh");
        JsonNode secret = get("/actuator/env/camel.component.cec.app-secret");
        assertThat(secret.path("property").path("value").asText()).isEqualTo("******");
        assertThat(secret.toString()).doesNotContain(SIM.appSecret());
        assertThat(get("/actuator/env").toString()).doesNotContain(SIM.appSecret()).doesNotContain(SIM.appKey());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The bean of configprops whose prefix is given, in whichever context it is reported. */
    private static JsonNode find(JsonNode configprops, String prefix) {
        for (JsonNode context : configprops.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if (prefix.equals(bean.path("prefix").asText())) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no configprops bean with prefix " + prefix + " in " + configprops);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouteBuilder cecRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ask").to("cec:send");
                    from("cec:poll?delay=200").to("log:cec");
                }
            };
        }
    }
}
