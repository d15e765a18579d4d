package io.github.camelcec.demo;

import java.util.List;

import io.github.camelcec.examples.routes.RouteVariant;

/**
 * What a demo run measured.
 *
 * @param customerMessagesAtCec customer records CEC answered with success (the embedded simulator's journal)
 * @param repliesExpected       robot, agent and system messages the script expects on {@code cec.chat.out}
 * @param repliesInOrder        of those, how many arrived exactly once and in the expected place
 * @param replyLatencyP50Ms     customer record sent to the robot or agent answer read from Kafka
 * @param failures              the first problems, one line each
 */
public record DemoReport(RouteVariant routes, int customers, int customerMessagesSent, long customerMessagesAtCec,
                         int repliesExpected, int repliesReceived, int repliesInOrder, int duplicates,
                         int latencySamples, long replyLatencyP50Ms, long replyLatencyP99Ms, long gatewayTokenCalls,
                         long customerTokenCalls, int transcriptsExpected, int transcriptsReceived,
                         int ticketsExpected, int ticketsReceived, long elapsedMs, List<String> failures) {

    public boolean ok() {
        return failures.isEmpty()
               && customerMessagesAtCec == customerMessagesSent
               && repliesReceived == repliesExpected && repliesInOrder == repliesExpected && duplicates == 0
               && transcriptsReceived == transcriptsExpected
               && ticketsReceived == ticketsExpected;
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("==================================== summary ====================================\n");
        line(s, "routes", routes.folderName() + ", " + customers + " customers, "
                          + String.format("%.1f s", elapsedMs / 1000.0));
        line(s, "customer -> CEC", customerMessagesSent + " sent to Kafka, "
                                   + customerMessagesAtCec + " reached CEC");
        line(s, "CEC -> customer", repliesReceived + " of " + repliesExpected + " replies on Kafka, " + repliesInOrder
                                   + " in order, " + duplicates + " duplicates");
        line(s, "reply latency", latencySamples == 0 ? "n/a"
                : "p50 " + replyLatencyP50Ms + " ms, p99 " + replyLatencyP99Ms + " ms (" + latencySamples
                  + " robot/agent answers, Kafka in -> Kafka out)");
        line(s, "token calls", gatewayTokenCalls + " gateway (tokenByAkSk), " + customerTokenCalls
                               + " customer (applyToken), counted by the simulator");
        line(s, "transcripts", transcriptsReceived + " of " + transcriptsExpected + " e-mailed");
        line(s, "tickets", ticketsReceived + " of " + ticketsExpected + " raised");
        for (String f : failures) {
            line(s, "problem", f);
        }
        line(s, "result", ok() ? "OK: every message arrived" : "FAILED");
        s.append("=================================================================================");
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-17s %s%n", label, value));
    }
}
