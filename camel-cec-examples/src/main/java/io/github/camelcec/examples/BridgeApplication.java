package io.github.camelcec.examples;

import org.apache.camel.main.Main;

/**
 * The CEC bridge: Kafka ↔ CEC, transcripts by e-mail, tickets over HTTP. A plain Camel Main application: the route
 * builders of this package and below are found by package scanning, the YAML routes through
 * {@code camel.main.routes-include-pattern}, and everything is configured in {@code application.properties}, whose
 * {@code {{env:NAME:default}}} placeholders take the documented environment variables ({@code CEC_BASE_URL},
 * {@code KAFKA_BROKERS}, ...). Camel Main's own arguments and {@code CAMEL_*} variables work as usual.
 */
public final class BridgeApplication {

    private BridgeApplication() {
    }

    public static void main(String[] args) throws Exception {
        new Main(BridgeApplication.class).run(args);
    }
}
