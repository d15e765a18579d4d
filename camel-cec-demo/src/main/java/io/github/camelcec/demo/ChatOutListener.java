package io.github.camelcec.demo;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code cec.chat.out} on a thread of its own and hands the records of this run's customers on. */
final class ChatOutListener implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    ChatOutListener(String brokers, String topic, String groupId, String keyPrefix, Consumer<Reply> sink) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        this.thread = new Thread(() -> poll(keyPrefix, sink), "demo-chat-out");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(String keyPrefix, Consumer<Reply> sink) {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        sink.accept(parse(record.key(), record.value(), System.nanoTime()));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    static Reply parse(String customerId, String json, long arrivedNanos) {
        try {
            JsonNode m = JSON.readTree(json);
            return new Reply(customerId, text(m, "sourceType"), text(m, "senderNickname"), text(m, "controlType"),
                    text(m, "content"), text(m, "messageCode"), arrivedNanos);
        } catch (JsonProcessingException e) {
            return new Reply(customerId, "?", null, null, json, null, arrivedNanos);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
