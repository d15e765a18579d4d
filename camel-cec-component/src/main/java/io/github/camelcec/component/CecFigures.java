package io.github.camelcec.component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures an operator reads, named once for every place they are shown: the JMX attribute is the name with a
 * capital first letter ({@code pendingMessages} → {@code PendingMessages}), the dev console prints the name, and the
 * Micrometer meter is {@code cec.<scope>.} plus the name in dotted lower case ({@code cec.consumer.pending.messages}).
 */
public final class CecFigures {

    /** A counter only grows; a gauge is a level (a count of things now); a rate is a level with a fraction. */
    public enum Kind {
        COUNTER,
        GAUGE,
        RATE
    }

    /** One figure. */
    public record Figure<T>(String name, String description, Kind kind, ToDoubleFunction<T> value) {

        /** The Micrometer meter name, e.g. {@code cec.consumer.pending.messages}. */
        public String meterName(String scope) {
            return "cec." + scope + "." + name.replaceAll("([A-Z])", ".$1").toLowerCase(Locale.ROOT);
        }
    }

    /** A {@code cec:poll} consumer's figures, per route. */
    public static final Scope<CecConsumer> CONSUMER = new Scope<>("consumer", List.of(
            gauge("liveSessions", "Live sessions in the session store the consumer polls", CecConsumer::getLiveSessions),
            gauge("polledCustomers", "Customers the poll scheduler knows", CecConsumer::getPolledCustomers),
            gauge("pendingMessages", "Messages the consumer holds until their exchange completes",
                    CecConsumer::getPendingMessages),
            counter("delivered", "Messages whose exchange completed", CecConsumer::getDelivered),
            counter("redeliveries", "Deliveries that failed and were scheduled again", CecConsumer::getRedeliveries),
            counter("polls", "Polls sent", CecConsumer::getPolls),
            counter("pollFailures", "Polls that failed", CecConsumer::getPollFailures),
            rate("pollRate", "Polls sent per second between the last two ticks", CecConsumer::getPollRate),
            counter("flowControlPauses", "Times flow control paused every poll", CecConsumer::getFlowControlPauses),
            gauge("polledPartitionCount", "Partitions whose customers this replica polls (clustered; 0 otherwise)",
                    CecConsumer::getPolledPartitionCount)));

    /** A {@code cec} component's figures: every connection of it together. */
    public static final Scope<CecComponent> COMPONENT = new Scope<>("component", List.of(
            gauge("liveSessions", "Live sessions of the component's connections", CecComponent::getLiveSessions),
            counter("gatewayTokenFetches", "Gateway tokens fetched (tokenByAkSk)", CecComponent::getGatewayTokenFetches),
            counter("customerTokenApplies", "Customer tokens applied for (applyToken)",
                    CecComponent::getCustomerTokenApplies),
            counter("polls", "Polls sent, by consumers and producers", CecComponent::getPolls),
            counter("flowControlAnswers", "Answers with flow control (10010000002)",
                    CecComponent::getFlowControlAnswers)));

    /** The figures of one kind of source. */
    public record Scope<T>(String name, List<Figure<T>> figures) {

        /** The figures' values now, by name, in a fixed order. */
        public Map<String, Object> read(T source) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Figure<T> f : figures) {
                double v = f.value().applyAsDouble(source);
                values.put(f.name(), f.kind() == Kind.RATE ? (Object) v : (Object) (long) v);
            }
            return values;
        }
    }

    private CecFigures() {
    }

    private static <T> Figure<T> counter(String name, String description, ToDoubleFunction<T> value) {
        return new Figure<>(name, description, Kind.COUNTER, value);
    }

    private static <T> Figure<T> gauge(String name, String description, ToDoubleFunction<T> value) {
        return new Figure<>(name, description, Kind.GAUGE, value);
    }

    private static <T> Figure<T> rate(String name, String description, ToDoubleFunction<T> value) {
        return new Figure<>(name, description, Kind.RATE, value);
    }
}
