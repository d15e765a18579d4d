package io.github.camelcec.examples.routes;

import io.github.camelcec.component.CecConstants;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Route 2: every robot, agent and system message of every connected customer to Kafka {@code cec.chat.out}, keyed by
 * customer id, as JSON (the component's type converters turn the {@code DownlinkMessage} body into JSON).
 */
public class CecToKafkaRoute extends RouteBuilder {

    @PropertyInject("bridge.routes")
    private String routes;

    @Override
    public void configure() {
        // bridge.routes=yaml or kamelet: routes/*.camel.yaml define this route instead
        if (RouteVariant.parse(routes) != RouteVariant.JAVA) {
            return;
        }
        from("cec:poll?delay={{cec.poll-delay}}")
                .routeId("cec-to-kafka")
                .setHeader(KafkaConstants.KEY, header(CecConstants.USER_ID))
                .to("kafka:{{kafka.topic.chat-out}}");
    }
}
