package io.github.camelcec.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/** CPU time, threads and heap of this JVM (and, when given, of the simulator's process). */
public final class ProcessMeter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
        long wall = System.nanoTime() - startNanos;
        int cores = Runtime.getRuntime().availableProcessors();
        long cpuNanos = OS.getProcessCpuTime() - startCpu;
        double cpu = cpuNanos / (double) wall / cores * 100;
        double simCpu = simulator == null ? Double.NaN : (simulatorCpuNanos() - startSimCpu) / (double) wall / cores * 100;
        return new Sample(cpu, simCpu, THREADS.getThreadCount(), THREADS.getPeakThreadCount(), cpuNanos, wall);
    }

    private long simulatorCpuNanos() {
        return simulator == null ? 0 : simulator.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * Live heap after a full collection, in bytes: the heap pools' usage as the collector left it (not the heap in
     * use a moment later, which already holds what running pollers allocated since). The least of three collections.
     */
    public static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long afterGc = 0;
            for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    afterGc += pool.getCollectionUsage().getUsed();
                }
            }
            used = Math.min(used, afterGc);
            Thread.sleep(200);
        }
        return used;
    }

    /** The machine's load average over the last minute (every process, the simulator's and other builds' included). */
    public static double loadAverage() {
        return OS.getSystemLoadAverage();
    }

    public static int liveThreads() {
        return THREADS.getThreadCount();
    }

    /**
     * CPU of this JVM and of the simulator (% of all cores), live and peak thread count of this JVM, and this JVM's CPU
     * time and the wall time of the window in nanoseconds.
     */
    public record Sample(double cpuPercent, double simulatorCpuPercent, int threads, int peakThreads, long cpuNanos,
                         long wallNanos) {

        /** This JVM's CPU time per event over the window, in microseconds. */
        public double cpuMicrosPer(long events) {
            return events == 0 ? Double.NaN : cpuNanos / 1000.0 / events;
        }
    }
}
