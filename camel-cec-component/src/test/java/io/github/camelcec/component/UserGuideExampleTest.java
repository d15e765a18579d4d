package io.github.camelcec.component;

import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/user-guide.md §6, verbatim: the example of testing your own routes with the simulator must pass. */
class UserGuideExampleTest {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    CamelContext context;

    @BeforeEach
    void start() throws Exception {
        CecSimulator sim = SIM.simulator();
        context = new DefaultCamelContext();
        CecComponent cec = new CecComponent();
        cec.getConfiguration().setBaseUrl(sim.baseUrl());
        cec.getConfiguration().setAppKey(sim.appKey());
        cec.getConfiguration().setAppSecret(sim.appSecret());
        cec.getConfiguration().setChannelConfigId(sim.channelConfigId());
        context.addComponent("cec", cec);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("cec:send");
                from("direct:to-agent")
                    .setHeader(CecConstants.CONTROL_TYPE, constant("TRANS2AGENT"))
                    .to("cec:send");
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void handoverReachesAnAgent() {
        CecSimulator sim = SIM.simulator();
        ProducerTemplate template = context.createProducerTemplate();
        template.sendBodyAndHeader("direct:chat", "hello robot", CecConstants.USER_ID, "alice");
        template.sendBodyAndHeader("direct:to-agent", null, CecConstants.USER_ID, "alice");
        template.sendBodyAndHeader("direct:chat", "I need a human", CecConstants.USER_ID, "alice");

        assertThat(sim.agentInbox("alice")).containsExactly("I need a human");
        assertThat(sim.journal().count(CecOperation.SEND)).isEqualTo(4);
        assertThat(sim.journal().count(CecOperation.APPLY_TOKEN)).isEqualTo(1);
    }
}
