package io.github.camelcec.component.durable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads what {@link PollingApplication}s wrote: one line per finished exchange, {@code userId TAB sourceType TAB
 * content TAB messageCode TAB epochMillis}, and their logs. Shared by the crash, restart and failover tests.
 */
public final class DeliveryLog {

    private DeliveryLog() {
    }

    /** The agent messages a JVM finished: {@code [userId, sourceType, content, messageCode, epochMillis]}. */
    public static List<String[]> agentLines(Path out) throws IOException {
        if (!Files.exists(out)) {
            return List.of();
        }
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length == 5 && "AGENT".equals(f[1])) {
                lines.add(f);
            }
        }
        return lines;
    }

    /** The contents the customer received, in the order they were finished. */
    public static List<String> contents(List<String[]> lines, String customer) {
        return lines.stream().filter(f -> f[0].equals(customer)).map(f -> f[2]).toList();
    }

    /** How many different (customer, content) pairs the two JVMs finished together. */
    public static int distinct(List<String[]> a, List<String[]> b) {
        return (int) Stream.concat(a.stream(), b.stream()).map(f -> f[0] + "/" + f[2]).distinct().count();
    }

    /** {@code prefix00}, {@code prefix01}, ...: the numbered messages an agent wrote. */
    public static List<String> numbered(String prefix, int count) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(String.format("%s%02d", prefix, i));
        }
        return expected;
    }

    /** Prints what went wrong in the child JVMs (WARN, ERROR, causes), for the test report. */
    public static void showChildProblems(Path dir, List<String> logs) throws IOException {
        for (String log : logs) {
            Path file = dir.resolve(log);
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.startsWith("Caused by"))
                        .limit(30).forEach(l -> System.out.println(log + ": " + l));
            }
        }
    }
}
