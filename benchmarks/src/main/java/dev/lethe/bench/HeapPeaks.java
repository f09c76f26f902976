package dev.lethe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a benchmark needed, for the benchmarks that run in a fork with a small {@code -Xmx}:
 * the sum of the heap pools' peaks during an iteration (an upper bound: the pools peak at
 * different moments) and the heap used after a full GC at its end, each the maximum over the
 * iterations.
 */
final class HeapPeaks {

  private long peakHeap;
  private long usedAfterGc;

  /** Starts the pools' peaks afresh: call before an iteration. */
  void reset() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** Samples the peaks and, after a full GC, the heap used: call after an iteration. */
  void sample() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    peakHeap = Math.max(peakHeap, peak);
    System.gc();
    usedAfterGc =
        Math.max(usedAfterGc, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** Records the figures as {@link Extras} of {@code benchmark} with {@code params}. */
  void record(String benchmark, String params) {
    Extras.record(benchmark, params, "peakHeapBytes", peakHeap);
    Extras.record(benchmark, params, "usedAfterGcBytes", usedAfterGc);
    Extras.record(benchmark, params, "maxHeapBytes", Runtime.getRuntime().maxMemory());
  }
}
