package io.github.camelcec.demo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelcec.demo.embedded.EmbeddedSystems;

/**
 * The demo of README line 1: starts the CEC simulator (scripted agent desk), Kafka, an SMTP server and a ticket desk
 * in this JVM, runs the example bridge against them, plays the customers through Kafka, prints the conversations and
 * a summary, and exits 0 only if every message arrived. {@code --replicas N} runs the bridge as N replicas instead,
 * one of which stops midway ({@link ReplicasAct}); {@code --bridge} keeps the bridge running on the embedded systems,
 * to play customers by hand.
 */
public final class DemoApplication {

    private DemoApplication() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(DemoOptions.parse(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // the Kafka broker and client libraries leave non-daemon threads behind: the exit code is the verdict
        System.exit(code);
    }

    static int run(DemoOptions options, PrintStream out) throws Exception {
        out.println("camel-cec bridge: CEC <-> Kafka, transcripts by e-mail, tickets over HTTP");
        try (EmbeddedSystems systems = EmbeddedSystems.start()) {
            systems.describe().forEach(out::println);
            Map<String, String> bridgeProperties = new LinkedHashMap<>(systems.bridgeProperties());
            bridgeProperties.put("bridge.routes", options.routes().folderName());
            if (options.keepBridging()) {
                out.println("Bridging until stopped (Ctrl-C). Customers write to cec.customer.in (key: customer id), "
                            + "CEC answers on cec.chat.out.");
                EmbeddedBridge.runUntilStopped(bridgeProperties);
                return 0;
            }
            if (options.replicas() > 1) {
                ReplicasAct.Outcome outcome = ReplicasAct.play(systems, bridgeProperties, options.replicas(),
                        options.customers(), out);
                out.println();
                out.println(outcome.report().render());
                out.println(outcome.replicas().render());
                return outcome.ok() ? 0 : 1;
            }
            DemoReport report;
            try (EmbeddedBridge bridge = EmbeddedBridge.start(bridgeProperties)) {
                report = new DemoDriver(bridge, systems, options.customers(), out).run();
            }
            RestartAct.Result restart = RestartAct.play(systems, bridgeProperties, out);
            out.println();
            out.println(report.render());
            out.println(restart.render());
            return report.ok() && restart.ok() ? 0 : 1;
        }
    }
}
