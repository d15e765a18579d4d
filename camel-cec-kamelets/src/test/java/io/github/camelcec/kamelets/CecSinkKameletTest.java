package io.github.camelcec.kamelets;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.JournalEntry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CecSinkKameletTest extends KameletTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:customers").to("kamelet:cec-sink?" + connection() + "&locale=zh");
            }
        };
    }

    @Test
    void aJsonMessageKeyedByTheCustomerIsSentAsThatCustomer() {
        template.sendBodyAndHeader("direct:customers", "{\"name\":\"Ann\",\"text\":\"hi from Kafka\"}", "key", "ann");

        assertThat(sent("ann")).extracting(m -> m.path("content").asText()).contains("hi from Kafka");
        JsonNode apply = json(sim().journal().entries(CecOperation.APPLY_TOKEN).get(0));
        assertThat(apply.path("userId").asText()).isEqualTo("ann");
        assertThat(apply.path("userName").asText()).isEqualTo("Ann");
        assertThat(apply.path("locale").asText()).isEqualTo("zh");
    }

    @Test
    void aPlainTextBodyIsSentForTheCustomerOfTheCecHeader() {
        template.sendBodyAndHeader("direct:customers", "plain text".getBytes(), CecConstants.USER_ID, "bob");

        assertThat(sent("bob")).extracting(m -> m.path("content").asText()).containsExactly("", "plain text");
    }

    @Test
    void theControlTypeOfTheJsonBodyIsSent() {
        template.sendBodyAndHeaders("direct:customers", "{\"controlType\":\"TRANS2AGENT\",\"text\":\"\"}",
                Map.of("ce-key", "carol"));

        assertThat(sent("carol")).extracting(m -> m.path("controlType").asText()).contains("TRANS2AGENT");
    }

    private static List<JsonNode> sent(String userId) {
        return sim().journal().entries(CecOperation.SEND).stream().map(CecSinkKameletTest::json)
                .filter(m -> userId.equals(m.path("from").asText())).toList();
    }

    private static JsonNode json(JournalEntry entry) {
        try {
            return JSON.readTree(entry.body());
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + entry.body(), e);
        }
    }
}
