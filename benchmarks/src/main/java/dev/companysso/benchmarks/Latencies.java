package dev.companysso.benchmarks;

import java.util.Arrays;

/**
 * Times (wall-clock or CPU) of one kind of operation, in nanoseconds; percentiles in milliseconds.
 */
final class Latencies {

  private long[] samples = new long[64];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  /** Adds every sample of {@code other}, such as another thread's. */
  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.samples[i]);
    }
  }

  double percentileMillis(double percentile) {
    if (count == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(index, count - 1))] / 1_000_000.0;
  }

  int count() {
    return count;
  }
}
