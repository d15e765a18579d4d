package io.github.camelcec.component.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcec.component.CecConstants;
import io.github.camelcec.testsupport.EmbeddedKafka;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The card's one-liner, unchanged: {@code from("cec:poll").to("kafka:chat")} puts one JSON record per message. */
class PollToKafkaIT extends ConsumerTestSupport {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void oneJsonRecordPerMessage() throws Exception {
        String brokers = kafka.bootstrapServers();
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getPropertiesComponent().addInitialProperty("kafka.brokers", brokers);
                from("cec:poll?delay=100").to("kafka:chat?brokers={{kafka.brokers}}");
            }
        });
        template.sendBodyAndHeaders("cec:send", "hello", Map.of(CecConstants.USER_ID, "k1"));
        sim().sendAgentMessage("k1", "agent says hi");
        sim().sendAgentMessage("k1", "agent says bye");

        List<JsonNode> records = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ObjectMapper json = new ObjectMapper();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("chat"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // greeting (CONNECT), robot echo of "hello", two agent messages
            while (records.size() < 4 && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(json.readTree(r.value()));
                }
            }
        }
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("to").asText()).isEqualTo("k1");
            assertThat(r.get("messageCode").asText()).isNotBlank();
        });
        assertThat(records.subList(2, 4)).extracting(r -> r.get("content").asText())
                .containsExactly("agent says hi", "agent says bye");
    }
}
