package io.github.camelcec.examples.demo;

import java.util.List;

import io.github.camelcec.examples.config.RouteVariant;

/**
 * What a demo run measured. A count the run could not observe (a configured rather than embedded system) is -1 and
 * does not decide the verdict.
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
               && (customerMessagesAtCec < 0 || customerMessagesAtCec == customerMessagesSent)
               && repliesReceived == repliesExpected && repliesInOrder == repliesExpected && duplicates == 0
               && (transcriptsReceived < 0 || transcriptsReceived == transcriptsExpected)
               && (ticketsReceived < 0 || ticketsReceived == ticketsExpected);
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("==================================== summary ====================================\n");
        line(s, "routes", routes.name().toLowerCase(java.util.Locale.ROOT) + ", " + customers + " customers, "
                          + String.format("%.1f s", elapsedMs / 1000.0));
        line(s, "customer -> CEC", customerMessagesSent + " sent to Kafka, "
                                   + known(customerMessagesAtCec) + " reached CEC");
        line(s, "CEC -> customer", repliesReceived + " of " + repliesExpected + " replies on Kafka, " + repliesInOrder
                                   + " in order, " + duplicates + " duplicates");
        line(s, "reply latency", latencySamples == 0 ? "n/a"
                : "p50 " + replyLatencyP50Ms + " ms, p99 " + replyLatencyP99Ms + " ms (" + latencySamples
                  + " robot/agent answers, Kafka in -> Kafka out)");
        line(s, "token calls", known(gatewayTokenCalls) + " gateway (tokenByAkSk), " + known(customerTokenCalls)
                               + " customer (applyToken), counted by the simulator");
        line(s, "transcripts", known(transcriptsReceived) + " of " + transcriptsExpected + " e-mailed");
        line(s, "tickets", known(ticketsReceived) + " of " + ticketsExpected + " raised");
        for (String f : failures) {
            line(s, "problem", f);
        }
        line(s, "result", ok() ? "OK: every message arrived" : "FAILED");
        s.append("=================================================================================");
        return s.toString();
    }

    private static String known(long value) {
        return value < 0 ? "n/a" : String.valueOf(value);
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append(String.format("%-17s %s%n", label, value));
    }
}
