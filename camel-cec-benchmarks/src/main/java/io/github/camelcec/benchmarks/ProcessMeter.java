package io.github.camelcec.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** CPU time, threads and heap of this JVM (and, when given, of the simulator's process). */
public final class ProcessMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final ProcessHandle simulator;
    private long startNanos;
    private long startCpu;
    private long startSimCpu;

    public ProcessMeter(ProcessHandle simulator) {
        this.simulator = simulator;
    }

    public void start() {
        THREADS.resetPeakThreadCount();
        startNanos = System.nanoTime();
        startCpu = OS.getProcessCpuTime();
        startSimCpu = simulatorCpuNanos();
    }

    /** What happened since {@link #start()}: CPU as a share of all cores (100 % = the whole machine). */
    public Sample stop() {
        double wall = System.nanoTime() - startNanos;
        int cores = Runtime.getRuntime().availableProcessors();
        double cpu = (OS.getProcessCpuTime() - startCpu) / wall / cores * 100;
        double simCpu = simulator == null ? Double.NaN : (simulatorCpuNanos() - startSimCpu) / wall / cores * 100;
        return new Sample(cpu, simCpu, THREADS.getThreadCount(), THREADS.getPeakThreadCount());
    }

    private long simulatorCpuNanos() {
        return simulator == null ? 0 : simulator.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Heap used after a few full collections, in bytes. */
    public static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    public static int liveThreads() {
        return THREADS.getThreadCount();
    }

    /** CPU of this JVM and of the simulator (% of all cores), live and peak thread count of this JVM. */
    public record Sample(double cpuPercent, double simulatorCpuPercent, int threads, int peakThreads) {
    }
}
