package io.github.camelcec.component;

import java.util.Map;

import io.github.camelcec.component.support.SimulatorComponents;
import io.github.camelcec.simulator.JournalEntry;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** clientId names the replica on every request it makes, token requests included; unset or empty, nothing is sent. */
class ClientIdHeaderTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Test
    void everyRequestOfAReplicaCarriesItsClientId() throws Exception {
        send("replica-7", "with-id");
        assertThat(SIM.simulator().journal().entries()).isNotEmpty()
                .extracting(JournalEntry::clientId).containsOnly("replica-7");
    }

    @Test
    void withoutClientIdNoHeaderIsSent() throws Exception {
        send(null, "without-id");
        send("", "empty-id");
        assertThat(SIM.simulator().journal().entries()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.header(JournalEntry.CLIENT_ID_HEADER)).isNull());
    }

    private static void send(String clientId, String customer) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            CecComponent component = SimulatorComponents.componentFor(SIM.simulator());
            component.getConfiguration().setClientId(clientId);
            context.addComponent("cec", component);
            context.start();
            context.createProducerTemplate().sendBodyAndHeaders("cec:send", "hello",
                    Map.of(CecConstants.USER_ID, customer));
        }
    }
}
