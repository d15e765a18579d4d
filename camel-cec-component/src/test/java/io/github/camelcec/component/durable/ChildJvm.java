package io.github.camelcec.component.durable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PollingApplication} in a JVM of its own (same java binary and class path), which a test can kill with
 * SIGKILL or stop with SIGTERM. Its output goes to a log file beside the test's files.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);

    private ChildJvm(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var writer = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null;) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    }
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                }
            } catch (IOException e) {
                // the child died; its exit shows in the test
            }
        }, "child-jvm-output");
        pump.setDaemon(true);
        pump.start();
    }

    public static ChildJvm start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PollingApplication.class.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(process, log);
    }

    /** Waits until the application polls; fails if it died first. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The child JVM did not start in " + timeout + " (alive: "
                                            + process.isAlive() + "); see its log");
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the application's shutdown hook stops Camel gracefully. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
