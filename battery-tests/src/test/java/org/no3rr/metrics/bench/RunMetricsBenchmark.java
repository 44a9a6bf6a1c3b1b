package org.no3rr.metrics.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.no3rr.cell.CellMetadata;
import org.no3rr.metrics.battery.CycleSummary;
import org.no3rr.metrics.battery.RunMetricsAccumulator;
import org.no3rr.metrics.battery.RunMetricsListener;

/**
 * Recomputes all per-step and per-cycle metrics of a 1.2 M-sample run: 1,000 cycles of 10 min
 * discharge at −5 mA and 10 min charge at +5 mA, sampled every second. Prints wall time of a cold
 * first pass (what the station sees when it recomputes a stored run) and of warm passes, and the
 * bytes allocated by the feeding thread per sample (0 means the per-sample path allocates nothing).
 * Run: see docs/benchmarks.md.
 */
public final class RunMetricsBenchmark {

    private static final int CYCLES = 1_000;
    private static final int HALF_CYCLE_SAMPLES = 600;

    private RunMetricsBenchmark() {
    }

    public static void main(String[] args) {
        CellMetadata cell = new CellMetadata(1.0, 2.0, 0.5, 40.0, 7.0, "Ag/AgCl (sat. KCl)", 0.197, 0.0);
        for (int pass = 1; pass <= 5; pass++) {
            List<CycleSummary> cycles = new ArrayList<>(CYCLES);
            RunMetricsListener listener = new RunMetricsListener() {
                @Override
                public void cycleCompleted(CycleSummary cycle) {
                    cycles.add(cycle);
                }
            };
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            long samples = feed(new RunMetricsAccumulator(cell, listener));
            long elapsedNanos = System.nanoTime() - start;
            long allocated = allocatedBytes() - allocatedBefore;
            CycleSummary last = cycles.get(cycles.size() - 1);
            System.out.printf("pass %d: %,d samples, %d cycles in %.1f ms (%.0f ns/sample); allocated %,d B"
                            + " (%.2f B/sample, incl. %d summaries); last cycle Q_dis %.4f mAh CE %.6f%n",
                    pass, samples, cycles.size(), elapsedNanos / 1e6, (double) elapsedNanos / samples, allocated,
                    (double) allocated / samples, cycles.size(), last.dischargeCapacityMah(), last.coulombicEfficiency());
        }
    }

    private static long feed(RunMetricsAccumulator run) {
        long samples = 0;
        long t = 1_700_000_000_000L;
        int step = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            step++;
            for (int s = 0; s < HALF_CYCLE_SAMPLES; s++, t += 1000, samples++) {
                run.add(cycle, step, t, 1.25 - 0.1 * s / HALF_CYCLE_SAMPLES, -5e-3);
            }
            step++;
            for (int s = 0; s < HALF_CYCLE_SAMPLES; s++, t += 1000, samples++) {
                run.add(cycle, step, t, 1.95 + 0.1 * s / HALF_CYCLE_SAMPLES, 5e-3);
            }
        }
        run.finish();
        return samples;
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
