package io.github.camelcec.kamelets;

import java.util.Map;

import io.github.camelcec.component.CecConstants;
import io.github.camelcec.simulator.CecSimulator;
import io.github.camelcec.simulator.junit.CecSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routes that use this jar's Kamelets, loaded the way a user's application loads them: from the classpath
 * ({@code classpath:kamelets}), pointed at an in-process CEC simulator.
 */
abstract class KameletTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final CecSimulatorExtension SIM = CecSimulatorExtension.create();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("kamelet", KameletComponent.class).setLocation("classpath:kamelets");
        return context;
    }

    static CecSimulator sim() {
        return SIM.simulator();
    }

    /** The Kamelet's connection parameters for the simulator; the secrets RAW, as they may hold URI characters. */
    static String connection() {
        return "baseUrl=" + sim().baseUrl() + "&appKey=RAW(" + sim().appKey() + ")&appSecret=RAW(" + sim().appSecret()
               + ")&channelConfigId=" + sim().channelConfigId();
    }

    /** Connects a customer through cec:send, so cec-source polls them. */
    void connect(String userId) {
        template.sendBodyAndHeaders("cec:send?" + connection(), "",
                Map.of(CecConstants.USER_ID, userId, CecConstants.CONTROL_TYPE, "CONNECT"));
    }
}
