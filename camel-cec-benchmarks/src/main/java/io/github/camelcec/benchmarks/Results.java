package io.github.camelcec.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: a detail log and the table of figures against product.md §4. */
public final class Results {

    /** One line of the table: what, the figure, the target, whether it is met, the machine's load when it was read. */
    public record Row(String what, String figure, String target, String verdict, double load) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();

    public synchronized void row(String what, String figure, String target, Boolean met) {
        rows.add(new Row(what, figure, target, met == null ? "—" : met ? "met" : "**not met**",
                ProcessMeter.loadAverage()));
        System.out.printf("  >> %s: %s (target %s)%s%n", what, figure, target, met == null ? "" : met ? " MET" : " NOT MET");
    }

    public synchronized void detail(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        details.append(line).append('\n');
        System.out.println("  " + line);
    }

    public List<Row> rows() {
        return rows;
    }

    public String markdown(String header) {
        StringBuilder md = new StringBuilder(header).append("\n\n| what | figure | target | verdict | load (1 min) |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" | ").append(r.target())
                    .append(" | ").append(r.verdict()).append(" | ").append(f2(r.load())).append(" |\n");
        }
        md.append("\n```\n").append(details).append("```\n");
        return md.toString();
    }

    public Path write(String header) throws IOException {
        Path dir = Path.of(System.getProperty("cec.bench.out", "camel-cec-benchmarks/target/benchmark-results"));
        if (!Files.isDirectory(dir.getParent() == null ? Path.of(".") : dir.getParent())) {
            dir = Path.of("target", "benchmark-results");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                                + ".md");
        Files.writeString(file, markdown(header));
        return file;
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
